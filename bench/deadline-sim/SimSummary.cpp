#include "bench/deadline-sim/SimSummary.h"

#include <algorithm>

#include "bench/deadline-sim/LatencyStats.h"
#include "bench/deadline-sim/ReferencePieces.h"

namespace dossier::sim {
namespace {

void SummarizeAcks(const std::vector<DossierTrack>& dossiers, SimSummary& summary) {
  LatencyStats all, uploads;
  std::map<std::string, LatencyStats> by_piece, uploads_by_piece;
  for (const DossierTrack& dossier : dossiers)
    for (const auto& [code, piece] : dossier.pieces)
      if (piece.acked_s >= 0) {
        all.Add(piece.ack_wait_ms);
        by_piece[code].Add(piece.ack_wait_ms);
        uploads.Add((piece.acked_s - piece.sent_s) * 1000);
        uploads_by_piece[code].Add((piece.acked_s - piece.sent_s) * 1000);
      }
  summary.acks = static_cast<int>(all.Count());
  summary.ack_p50_ms = all.Percentile(50);
  summary.ack_p95_ms = all.Percentile(95);
  summary.ack_p99_ms = all.Percentile(99);
  summary.ack_max_ms = all.Max();
  for (const auto& [code, stats] : by_piece)
    summary.ack_p50_ms_by_piece[code] = stats.Percentile(50);
  summary.upload_p50_ms = uploads.Percentile(50);
  summary.upload_p95_ms = uploads.Percentile(95);
  summary.upload_p99_ms = uploads.Percentile(99);
  for (const auto& [code, stats] : uploads_by_piece)
    summary.upload_p50_ms_by_piece[code] = stats.Percentile(50);
}

void SummarizeResults(const std::vector<DossierTrack>& dossiers, SimSummary& summary) {
  LatencyStats pieces, whole;
  for (const DossierTrack& dossier : dossiers) {
    double last_ack = -1;
    for (const auto& [code, piece] : dossier.pieces) {
      last_ack = std::max(last_ack, piece.acked_s);
      if (piece.result_s >= 0) pieces.Add(piece.result_s - piece.acked_s);
    }
    if (dossier.Completed(ReferenceCodes().size())) whole.Add(dossier.done_s - last_ack);
  }
  summary.pieces_with_result = static_cast<int>(pieces.Count());
  summary.result_p50_s = pieces.Percentile(50);
  summary.result_p95_s = pieces.Percentile(95);
  summary.result_p99_s = pieces.Percentile(99);
  summary.result_max_s = pieces.Max();
  summary.dossier_result_p50_s = whole.Percentile(50);
  summary.dossier_result_p99_s = whole.Percentile(99);
}

// The most candidates uploading at the same moment (their uploads overlapping).
int MaxOverlap(const std::vector<DossierTrack>& dossiers) {
  std::vector<std::pair<double, int>> events;
  for (const DossierTrack& dossier : dossiers)
    if (dossier.started_s >= 0 && dossier.uploads_end_s >= 0) {
      events.push_back({dossier.started_s, 1});
      events.push_back({dossier.uploads_end_s, -1});
    }
  std::sort(events.begin(), events.end());
  int current = 0, peak = 0;
  for (const auto& event : events) peak = std::max(peak, current += event.second);
  return peak;
}

void SummarizeThroughput(const ServiceRunResult& run, SimSummary& summary) {
  std::vector<double> arrivals, uploaded, completions;
  LatencyStats delays;
  summary.first_upload_s = run.run_s;
  for (const DossierTrack& dossier : run.dossiers) {
    arrivals.push_back(dossier.started_s);
    uploaded.push_back(dossier.uploads_end_s);
    if (dossier.started_s >= 0) {
      summary.first_upload_s = std::min(summary.first_upload_s, dossier.started_s);
      delays.Add(dossier.started_s - dossier.planned_s);
    }
    if (!dossier.Completed(ReferenceCodes().size())) continue;
    ++summary.completed;
    completions.push_back(dossier.done_s);
    summary.last_result_s = std::max(summary.last_result_s, dossier.done_s);
  }
  summary.window_s = std::max(0.0, summary.last_result_s - summary.first_upload_s);
  if (summary.window_s > 0) {
    summary.dossiers_per_s = summary.completed / summary.window_s;
    summary.pieces_per_min = summary.pieces_with_result / summary.window_s * 60;
  }
  summary.arrival_delay_p99_s = delays.Percentile(99);
  summary.max_concurrent_uploaders = MaxOverlap(run.dossiers);
  summary.arrivals = Cumulative(arrivals);
  summary.uploaded = Cumulative(uploaded);
  summary.completions = Cumulative(completions);
}

void SummarizeSurge(const ServiceRunResult& run, SimSummary& summary) {
  auto [start, end] = LongestBusyStretch(run.series.queue_depth);
  summary.surge_start_s = start;
  summary.surge_end_s = end;
  for (const auto& sample : run.series.queue_depth)
    summary.peak_queue_depth = std::max(summary.peak_queue_depth, static_cast<int>(sample[1]));
  if (end <= start) return;
  long inside = 0;
  for (const DossierTrack& dossier : run.dossiers)
    if (dossier.Completed(ReferenceCodes().size()) && dossier.done_s >= start &&
        dossier.done_s <= end)
      ++inside;
  summary.surge_dossiers_per_s = inside / (end - start);
}

}  // namespace

std::array<double, 2> LongestBusyStretch(const std::vector<std::array<double, 2>>& samples) {
  std::array<double, 2> best{0, 0};
  std::size_t begin = 0;
  for (std::size_t i = 0; i <= samples.size(); ++i) {
    bool busy = i < samples.size() && samples[i][1] > 0;
    if (busy) continue;
    // samples[begin, i) are busy; the stretch ends at the first idle sample.
    if (i > begin) {
      double end = i < samples.size() ? samples[i][0] : samples[i - 1][0];
      if (end - samples[begin][0] > best[1] - best[0]) best = {samples[begin][0], end};
    }
    begin = i + 1;
  }
  return best;
}

std::vector<std::array<double, 2>> Cumulative(std::vector<double> times) {
  times.erase(std::remove_if(times.begin(), times.end(), [](double t) { return t < 0; }),
              times.end());
  std::sort(times.begin(), times.end());
  std::vector<std::array<double, 2>> curve{{0, 0}};
  for (std::size_t i = 0; i < times.size(); ++i) {
    curve.push_back({times[i], static_cast<double>(i)});
    curve.push_back({times[i], static_cast<double>(i + 1)});
  }
  return curve;
}

SimSummary Summarize(const ServiceRunResult& run, const PeerResult& peer,
                     std::map<std::string, long> errors_by_kind,
                     std::map<std::string, long> notes) {
  SimSummary summary;
  summary.dossiers = static_cast<int>(run.dossiers.size());
  SummarizeAcks(run.dossiers, summary);
  SummarizeResults(run.dossiers, summary);
  SummarizeThroughput(run, summary);
  SummarizeSurge(run, summary);
  summary.peak_rss_mb = run.peak_rss_sum_mb;
  for (const ProcessFigures& process : run.processes)
    summary.service_cpu_s += process.last_cpu_s - process.first_cpu_s;
  summary.errors_by_kind = std::move(errors_by_kind);
  for (const auto& [kind, count] : summary.errors_by_kind) summary.errors += count;
  summary.notes = std::move(notes);
  summary.peer_dossiers_per_s = peer.DossiersPerSecond();
  if (summary.peer_dossiers_per_s > 0)
    summary.ratio = summary.dossiers_per_s / summary.peer_dossiers_per_s;
  return summary;
}

}  // namespace dossier::sim
