#include <cppconn/resultset.h>

#include <map>

#include "server/http/RequestContext.h"
#include "server/http/ServiceResources.h"
#include "server/ops/OpsHandlers.h"
#include "server/ops/PrometheusText.h"
#include "store/db/BoundStatement.h"
#include "store/db/ConnectionPool.h"
#include "store/tables/Counters.h"
#include "store/tables/ProcessRegistry.h"
#include "workflow/IneVerdict.h"
#include "workflow/JobOutcome.h"

namespace dossier {
namespace {

// Upper bounds of the job latency histogram, in seconds (+Inf added).
constexpr int kLatencyBuckets[] = {1, 2, 5, 10, 30, 60, 120, 300};

std::int64_t CountOf(sql::Connection& connection, const std::string& query) {
  auto row = BoundStatement(connection, query).Query();
  return row->next() && !row->isNull(1) ? row->getInt64(1) : 0;
}

// value of the first column by the second, for `SELECT key, COUNT(*) … GROUP BY key`.
std::map<std::string, std::int64_t> CountsBy(sql::Connection& connection,
                                             const std::string& query) {
  auto rows = BoundStatement(connection, query).Query();
  std::map<std::string, std::int64_t> counts;
  while (rows->next()) counts[std::string(rows->getString(1))] = rows->getInt64(2);
  return counts;
}

void Uploads(sql::Connection& connection, PrometheusText& text) {
  text.Family("dossier_uploads_total", "counter", "Pièce versions uploaded (every server).");
  text.Sample("dossier_uploads_total", CountOf(connection, "SELECT COUNT(*) FROM piece_version"));
  text.Family("dossier_upload_bytes_total", "counter", "Bytes of the files uploaded.");
  text.Sample("dossier_upload_bytes_total",
              CountOf(connection, "SELECT COALESCE(SUM(size_bytes), 0) FROM fichier"));
}

void Jobs(sql::Connection& connection, PrometheusText& text) {
  std::map<std::string, std::int64_t> states =
      CountsBy(connection, "SELECT state, COUNT(*) FROM job GROUP BY state");
  text.Family("dossier_queue_depth", "gauge", "Jobs waiting or being processed.");
  for (const char* state : {"queued", "running"})
    text.Sample("dossier_queue_depth", states[state], {{"state", state}});
  text.Family("dossier_jobs_total", "counter",
              "Jobs finished, given up on (poison), or replaced before they ran (superseded).");
  for (const char* state : {"done", "poison", "superseded"})
    text.Sample("dossier_jobs_total", states[state], {{"state", state}});
}

void Latency(sql::Connection& connection, PrometheusText& text) {
  std::string query = "SELECT COUNT(*), COALESCE(SUM(latency_ms), 0)";
  for (int bound : kLatencyBuckets)
    query += ", COALESCE(SUM(latency_ms <= " + std::to_string(bound * 1000) + "), 0)";
  auto row = BoundStatement(connection, query + " FROM precheck").Query();
  row->next();
  const std::string name = "dossier_job_latency_seconds";
  text.Family(name, "histogram", "From upload to pre-check result, per pièce version.");
  unsigned column = 3;
  for (int bound : kLatencyBuckets)
    text.Sample(name + "_bucket", row->getInt64(column++), {{"le", std::to_string(bound)}});
  text.Sample(name + "_bucket", row->getInt64(1), {{"le", "+Inf"}});
  text.Sample(name + "_sum", static_cast<double>(row->getInt64(2)) / 1000.0);
  text.Sample(name + "_count", row->getInt64(1));
}

void Workers(sql::Connection& connection, const ServerSettings& settings, PrometheusText& text) {
  std::map<std::string, std::int64_t> counters = ReadCounters(connection);
  text.Family("dossier_worker_restarts_total", "counter",
              "Worker processes restarted by a supervisor (crash, limit, timeout).");
  text.Sample("dossier_worker_restarts_total", counters["worker_restarts"]);
  text.Family("dossier_workers_alive", "gauge", "Worker processes seen recently.");
  text.Sample("dossier_workers_alive", static_cast<std::int64_t>(CountAlive(
                                           connection, "worker", settings.worker_alive_seconds)));
}

void Verdicts(sql::Connection& connection, PrometheusText& text) {
  std::map<std::string, std::int64_t> outcomes =
      CountsBy(connection, "SELECT outcome, COUNT(*) FROM precheck GROUP BY outcome");
  text.Family("dossier_verdicts_total", "counter", "Pre-check outcomes of pièce versions.");
  for (JobOutcome outcome : kEveryJobOutcome)
    text.Sample("dossier_verdicts_total", outcomes[Code(outcome)], {{"outcome", Code(outcome)}});
  std::map<std::string, std::int64_t> ine =
      CountsBy(connection,
               "SELECT ine_verdict, COUNT(*) FROM precheck WHERE ine_verdict IS NOT NULL "
               "GROUP BY ine_verdict");
  for (IneVerdict verdict : kEveryIneVerdict) ine[Code(verdict)] += 0;
  text.Family("dossier_ine_verdicts_total", "counter", "INE check verdicts.");
  for (const auto& [verdict, count] : ine)
    text.Sample("dossier_ine_verdicts_total", count, {{"verdict", verdict}});
}

void HttpResponses(const HttpCounters& counters, PrometheusText& text) {
  text.Family("dossier_http_requests_total", "counter",
              "HTTP requests answered by this server process, by status class.");
  std::array<std::uint64_t, 5> by_class = counters.responses_by_class();
  for (std::size_t i = 0; i < by_class.size(); ++i)
    text.Sample("dossier_http_requests_total", static_cast<std::int64_t>(by_class[i]),
                {{"code", std::to_string(i + 1) + "xx"}});
}

}  // namespace

void HandleMetrics(RequestContext& context) {
  ServiceResources& service = context.service();
  PrometheusText text;
  {
    PooledConnection connection = AcquireConnection(service);
    Uploads(*connection, text);
    Jobs(*connection, text);
    Latency(*connection, text);
    Workers(*connection, service.settings, text);
    Verdicts(*connection, text);
  }
  HttpResponses(service.counters, text);
  context.SendText(200, kPrometheusContentType, text.str());
}

}  // namespace dossier
