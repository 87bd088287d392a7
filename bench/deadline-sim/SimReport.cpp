#include "bench/deadline-sim/SimReport.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <cmath>
#include <cstdio>
#include <ctime>
#include <sstream>
#include <thread>

#include "bench/deadline-sim/DeadlineCurve.h"

namespace dossier::sim {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

double Rounded(double value, int decimals) {
  double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}

Array::Ptr Series(const std::vector<std::array<double, 2>>& points) {
  Array::Ptr array = new Array;
  for (const auto& point : points) {
    Array::Ptr pair = new Array;
    pair->add(Rounded(point[0], 2));
    pair->add(Rounded(point[1], 1));
    array->add(pair);
  }
  return array;
}

std::string UtcNow() {
  std::time_t now = std::time(nullptr);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  return text;
}

Object::Ptr Parameters(const SimOptions& options) {
  DeadlineCurve curve(options.dossiers, options.steady_rate, options.surge_factor,
                      options.surge_at);
  Object::Ptr parameters = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  parameters->set("url", options.url);
  parameters->set("dossiers", options.dossiers);
  parameters->set("concurrency", options.concurrency);
  parameters->set("peer_dossiers", options.peer_dossiers);
  parameters->set("steady_rate", options.steady_rate);
  parameters->set("surge_factor", options.surge_factor);
  parameters->set("surge_at", options.surge_at);
  parameters->set("surge_rate", curve.SurgeRate());
  parameters->set("surge_planned_start_s", Rounded(curve.SurgeStartSeconds(), 2));
  parameters->set("max_seconds", options.max_seconds);
  parameters->set("poll_ms", 250);
  return parameters;
}

Array::Ptr Processes(const ServiceRunResult& run) {
  Array::Ptr processes = new Array;
  for (const ProcessFigures& figures : run.processes) {
    Object::Ptr process = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    process->set("pid", figures.pid);
    process->set("name", figures.name);
    process->set("cpu_s", Rounded(figures.last_cpu_s - figures.first_cpu_s, 2));
    process->set("peak_rss_mb", Rounded(figures.peak_rss_mb, 1));
    processes->add(process);
  }
  return processes;
}

template <typename Map>
Object::Ptr MapObject(const Map& map, int decimals) {
  Object::Ptr object = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  for (const auto& [key, value] : map)
    object->set(key, Rounded(static_cast<double>(value), decimals));
  return object;
}

Object::Ptr PeerObject(const PeerResult& peer) {
  Object::Ptr object = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  object->set("dossiers", peer.dossiers);
  object->set("threads", peer.threads);
  object->set("wall_s", Rounded(peer.wall_s, 2));
  object->set("failed_pieces", peer.failed_pieces);
  object->set("ine_found", peer.ine_found);
  Array::Ptr times = new Array;
  for (double seconds : peer.dossier_s) times->add(Rounded(seconds, 2));
  object->set("dossier_s", times);
  return object;
}

void Contract(const SimSummary& s, Object& json) {
  json.set("dossiers_per_s", Rounded(s.dossiers_per_s, 3));
  json.set("peer_dossiers_per_s", Rounded(s.peer_dossiers_per_s, 3));
  json.set("ack_p50_ms", Rounded(s.ack_p50_ms, 1));
  json.set("ack_p99_ms", Rounded(s.ack_p99_ms, 1));
  json.set("result_p50_s", Rounded(s.result_p50_s, 2));
  json.set("result_p99_s", Rounded(s.result_p99_s, 2));
  json.set("peak_rss_mb", Rounded(s.peak_rss_mb, 1));
  json.set("errors", s.errors);
}

void Throughput(const SimSummary& s, Object& json) {
  json.set("ratio", Rounded(s.ratio, 2));
  json.set("dossiers_per_min", Rounded(s.dossiers_per_s * 60, 1));
  json.set("pieces_per_min", Rounded(s.pieces_per_min, 1));
  json.set("surge_dossiers_per_s", Rounded(s.surge_dossiers_per_s, 3));
  json.set("surge_window_s", Array::Ptr(new Array));
  json.getArray("surge_window_s")->add(Rounded(s.surge_start_s, 1));
  json.getArray("surge_window_s")->add(Rounded(s.surge_end_s, 1));
  json.set("dossiers", s.dossiers);
  json.set("dossiers_completed", s.completed);
  json.set("pieces_with_result", s.pieces_with_result);
  json.set("window_s", Rounded(s.window_s, 2));
}

void Latencies(const SimSummary& s, Object& json) {
  json.set("acks", s.acks);
  json.set("ack_p95_ms", Rounded(s.ack_p95_ms, 1));
  json.set("ack_max_ms", Rounded(s.ack_max_ms, 1));
  json.set("ack_p50_ms_by_piece", MapObject(s.ack_p50_ms_by_piece, 1));
  json.set("upload_p50_ms", Rounded(s.upload_p50_ms, 1));
  json.set("upload_p95_ms", Rounded(s.upload_p95_ms, 1));
  json.set("upload_p99_ms", Rounded(s.upload_p99_ms, 1));
  json.set("upload_p50_ms_by_piece", MapObject(s.upload_p50_ms_by_piece, 1));
  json.set("uplink_mbit", Rounded(s.uplink_mbit, 1));
  json.set("result_p95_s", Rounded(s.result_p95_s, 2));
  json.set("result_max_s", Rounded(s.result_max_s, 2));
  json.set("dossier_result_p50_s", Rounded(s.dossier_result_p50_s, 2));
  json.set("dossier_result_p99_s", Rounded(s.dossier_result_p99_s, 2));
  json.set("arrival_delay_p99_s", Rounded(s.arrival_delay_p99_s, 2));
  json.set("max_concurrent_uploaders", s.max_concurrent_uploaders);
}

std::string Row(const std::string& label, const std::string& value) {
  char line[160];
  std::snprintf(line, sizeof line, "%-52s %16s\n", label.c_str(), value.c_str());
  return line;
}

std::string Format(const char* format, double value) {
  char text[64];
  std::snprintf(text, sizeof text, format, value);
  return text;
}

std::string Verdict(bool met) {
  return met ? "  met" : "  MISSED";
}

}  // namespace

std::string ReportJson(const SimReportInput& input) {
  const SimSummary& s = input.summary;
  Object json(Poco::JSON_PRESERVE_KEY_ORDER);
  Contract(s, json);
  Throughput(s, json);
  Latencies(s, json);
  json.set("errors_by_kind", MapObject(s.errors_by_kind, 0));
  json.set("retried_connections", MapObject(s.notes, 0));
  json.set("peak_queue_depth", s.peak_queue_depth);
  json.set("queue_depth", Series(input.run.series.queue_depth));
  json.set("rss_sum_mb", Series(input.run.series.rss_sum_mb));
  json.set("service_cpu_s", Rounded(s.service_cpu_s, 1));
  json.set("processes", Processes(input.run));
  json.set("transient_processes", input.run.transient_processes);
  json.set("peer", PeerObject(input.peer));
  json.set("parameters", Parameters(input.options));
  json.set("cores", static_cast<int>(std::thread::hardware_concurrency()));
  json.set("date", UtcNow());
  std::ostringstream out;
  json.stringify(out, 2);
  return out.str() + "\n";
}

std::string ReportTable(const SimReportInput& input) {
  const SimSummary& s = input.summary;
  std::string table = "Deadline peak: " + std::to_string(s.dossiers) + " reference dossiers, " +
                      std::to_string(input.options.concurrency) + " concurrent uploaders\n";
  table +=
      Row("dossiers completed", std::to_string(s.completed) + " / " + std::to_string(s.dossiers));
  table +=
      Row("throughput, first upload -> last result", Format("%.2f dossiers/s", s.dossiers_per_s));
  table += Row("  per minute", Format("%.0f dossiers", s.dossiers_per_s * 60) +
                                   Format(", %.0f pieces", s.pieces_per_min));
  table +=
      Row("sustained while the queue was non-empty",
          Format("%.2f dossiers/s", s.surge_dossiers_per_s) + Verdict(s.surge_dossiers_per_s >= 2));
  table += Row("peer (img2pdf+gs+qpdf+tesseract, 2 at a time)",
               Format("%.3f dossiers/s", s.peer_dossiers_per_s));
  table += Row("ratio service/peer", Format("%.1f x", s.ratio) + Verdict(s.ratio >= 10));
  table += Row("upload ack p50 / p95 (last byte sent -> 202)",
               Format("%.0f", s.ack_p50_ms) + Format(" / %.0f ms", s.ack_p95_ms));
  table += Row("upload ack p99", Format("%.0f ms", s.ack_p99_ms) + Verdict(s.ack_p99_ms < 100));
  table += Row("upload ack max", Format("%.0f ms", s.ack_max_ms));
  table +=
      Row(s.uplink_mbit > 0 ? Format("whole upload p50 / p99 (%.0f Mbit/s uplinks)", s.uplink_mbit)
                            : std::string("whole upload p50 / p99 (unlimited uplinks)"),
          Format("%.0f", s.upload_p50_ms) + Format(" / %.0f ms", s.upload_p99_ms));
  table += Row("piece result p50 / p95 / p99 (202 -> result)",
               Format("%.1f", s.result_p50_s) + Format(" / %.1f", s.result_p95_s) +
                   Format(" / %.1f s", s.result_p99_s));
  table +=
      Row("dossier result p50 / p99 (last 202 -> last)",
          Format("%.1f", s.dossier_result_p50_s) + Format(" / %.1f s", s.dossier_result_p99_s));
  table += Row("most candidates uploading at once", std::to_string(s.max_concurrent_uploaders));
  table += Row("arrival delay p99 (all uploaders busy)", Format("%.2f s", s.arrival_delay_p99_s));
  table += Row("peak queue depth (queued + running jobs)", std::to_string(s.peak_queue_depth));
  table += Row("peak RSS, all service processes",
               Format("%.0f MB", s.peak_rss_mb) + Verdict(s.peak_rss_mb < 1024));
  table += Row("service CPU", Format("%.0f s", s.service_cpu_s));
  table += Row("errors", std::to_string(s.errors) + Verdict(s.errors == 0));
  for (const auto& [kind, count] : s.errors_by_kind)
    table += Row("  " + kind, std::to_string(count));
  for (const auto& [kind, count] : s.notes)
    table += Row("  (recovered) " + kind, std::to_string(count));
  for (const ProcessFigures& process : input.run.processes)
    table += Row("  " + process.name + " " + std::to_string(process.pid) + " cpu / peak rss",
                 Format("%.0f s", process.last_cpu_s - process.first_cpu_s) +
                     Format(" / %.0f MB", process.peak_rss_mb));
  return table;
}

SvgChart ReportChart(const SimReportInput& input) {
  const SimSummary& s = input.summary;
  SvgChart chart("deadline-sim: " + std::to_string(s.dossiers) + " dossiers, " +
                     std::to_string(input.options.concurrency) + " uploaders, " +
                     Format("%.2f dossiers/s", s.dossiers_per_s),
                 "seconds since the start of the run");
  chart.AddPanel({"Dossiers (cumulative)",
                  "dossiers",
                  {{"arrived (first upload)", "#1f77b4", s.arrivals},
                   {"uploaded (last 202)", "#ff7f0e", s.uploaded},
                   {"completed (last result)", "#2ca02c", s.completions}}});
  chart.AddPanel({"Queue depth (/metrics, queued + running jobs)",
                  "jobs",
                  {{"queue depth", "#d62728", input.run.series.queue_depth}}});
  chart.AddPanel({"Resident memory, all service processes",
                  "MB",
                  {{"RSS sum", "#9467bd", input.run.series.rss_sum_mb}}});
  return chart;
}

std::string ChartPathFor(const std::string& json_path) {
  const std::string suffix = ".json";
  if (json_path.size() > suffix.size() &&
      json_path.compare(json_path.size() - suffix.size(), suffix.size(), suffix) == 0)
    return json_path.substr(0, json_path.size() - suffix.size()) + ".svg";
  return json_path + ".svg";
}

}  // namespace dossier::sim
