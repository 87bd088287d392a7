// The service half of the simulation: candidates arrive on the deadline
// curve, at most `concurrency` upload at once (one thread and one kept-alive
// connection each), a poller waits for their results, and the samplers
// watch the queue and the service's processes.
#pragma once

#include <vector>

#include "bench/deadline-sim/DossierLedger.h"
#include "bench/deadline-sim/ErrorCounts.h"
#include "bench/deadline-sim/ProcessSampler.h"
#include "bench/deadline-sim/ReferencePieces.h"
#include "bench/deadline-sim/SamplingLoop.h"
#include "bench/deadline-sim/SimOptions.h"

namespace dossier::sim {

struct ServiceRunResult {
  std::vector<DossierTrack> dossiers;
  SampleSeries series;
  std::vector<ProcessFigures> processes;
  int transient_processes = 0;
  double peak_rss_sum_mb = 0;
  double run_s = 0;
};

class ServiceRun {
 public:
  ServiceRun(const SimOptions& options, const std::vector<PieceUpload>& pieces, ErrorCounts& errors)
      : options_(options), pieces_(pieces), errors_(errors) {}

  ServiceRunResult Run();

 private:
  std::vector<DossierTrack> PlanDossiers(const std::string& admin_token) const;
  std::string AdminToken() const;

  const SimOptions& options_;
  const std::vector<PieceUpload>& pieces_;
  ErrorCounts& errors_;
};

}  // namespace dossier::sim
