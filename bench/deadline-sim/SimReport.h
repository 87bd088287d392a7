// The report of a run: JSON (the contract's keys and the rest), the
// table printed on stdout, and the chart written beside the JSON.
#pragma once

#include <string>

#include "bench/deadline-sim/PeerRun.h"
#include "bench/deadline-sim/ServiceRun.h"
#include "bench/deadline-sim/SimOptions.h"
#include "bench/deadline-sim/SimSummary.h"
#include "bench/deadline-sim/SvgChart.h"

namespace dossier::sim {

struct SimReportInput {
  const SimOptions& options;
  const ServiceRunResult& run;
  const PeerResult& peer;
  const SimSummary& summary;
};

std::string ReportJson(const SimReportInput& input);
std::string ReportTable(const SimReportInput& input);
SvgChart ReportChart(const SimReportInput& input);

// FILE.json → FILE.svg (FILE.svg appended when the name has no .json).
std::string ChartPathFor(const std::string& json_path);

}  // namespace dossier::sim
