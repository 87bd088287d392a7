// The figures of a run, computed once from what was recorded; the JSON
// report, the table and the chart all read them from here.
#pragma once

#include <array>
#include <map>
#include <string>
#include <vector>

#include "bench/deadline-sim/PeerRun.h"
#include "bench/deadline-sim/ServiceRun.h"

namespace dossier::sim {

struct SimSummary {
  int dossiers = 0;
  int completed = 0;  // every pièce acknowledged and processed
  int pieces_with_result = 0;
  double first_upload_s = 0;
  double last_result_s = 0;
  double window_s = 0;        // first upload → last result
  double dossiers_per_s = 0;  // completed / window_s
  double pieces_per_min = 0;
  double surge_start_s = 0, surge_end_s = 0;  // longest stretch with a non-empty queue
  double surge_dossiers_per_s = 0;            // completions per second in that stretch
  // The ack: from the last byte of an upload's body sent to its 202, what a
  // candidate waits once the browser has sent the file.
  double ack_p50_ms = 0, ack_p95_ms = 0, ack_p99_ms = 0, ack_max_ms = 0;
  int acks = 0;
  std::map<std::string, double> ack_p50_ms_by_piece;
  // The whole upload request, first byte sent to the 202 (the body's
  // transfer included).
  double upload_p50_ms = 0, upload_p95_ms = 0, upload_p99_ms = 0;
  std::map<std::string, double> upload_p50_ms_by_piece;
  double uplink_mbit = 0;  // the candidates' upload bandwidth (0: unlimited)
  double result_p50_s = 0, result_p95_s = 0, result_p99_s = 0, result_max_s = 0;
  double dossier_result_p50_s = 0, dossier_result_p99_s = 0;  // last 202 → last result
  double arrival_delay_p99_s = 0;  // first upload after its planned arrival (uploaders busy)
  int max_concurrent_uploaders = 0;
  int peak_queue_depth = 0;
  double peak_rss_mb = 0;
  double service_cpu_s = 0;
  long errors = 0;
  std::map<std::string, long> errors_by_kind;
  std::map<std::string, long> notes;
  double peer_dossiers_per_s = 0;
  double ratio = 0;  // dossiers_per_s / peer_dossiers_per_s
  // Cumulative curves for the chart: [t, count].
  std::vector<std::array<double, 2>> arrivals, uploaded, completions;
};

SimSummary Summarize(const ServiceRunResult& run, const PeerResult& peer,
                     std::map<std::string, long> errors_by_kind, std::map<std::string, long> notes);

// Longest stretch of consecutive samples with a value > 0: {start, end}
// ({0, 0} when there is none).
std::array<double, 2> LongestBusyStretch(const std::vector<std::array<double, 2>>& samples);

// Step curve of how many of `times` (unsorted, negative = never) happened by t.
std::vector<std::array<double, 2>> Cumulative(std::vector<double> times);

}  // namespace dossier::sim
