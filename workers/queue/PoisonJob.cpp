#include "workers/queue/PoisonJob.h"

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <memory>

#include "core/messages/CandidateMessages.h"
#include "store/tables/Counters.h"
#include "workflow/history/RecordHistory.h"

namespace dossier {
namespace {

void MarkPoison(sql::Connection& connection, std::int64_t job_id, const std::string& error) {
  std::unique_ptr<sql::PreparedStatement> update(connection.prepareStatement(
      "UPDATE job SET state = 'poison', finished_at = UTC_TIMESTAMP(3), locked_by = NULL, "
      "locked_until = NULL, lease_token = NULL, last_error = COALESCE(NULLIF(?, ''), last_error) "
      "WHERE id = ?"));
  update->setString(1, error);
  update->setInt64(2, job_id);
  update->executeUpdate();
}

void EndOpenRuns(sql::Connection& connection, std::int64_t job_id) {
  std::unique_ptr<sql::PreparedStatement> update(connection.prepareStatement(
      "UPDATE job_run SET ended_at = UTC_TIMESTAMP(3), outcome = 'lost_lease', "
      "error = 'the lease ran out before the job ended' WHERE job_id = ? AND ended_at IS NULL"));
  update->setInt64(1, job_id);
  update->executeUpdate();
}

void RecordUnprocessable(sql::Connection& connection, std::int64_t job_id,
                         std::int64_t piece_version_id) {
  std::unique_ptr<sql::PreparedStatement> insert(connection.prepareStatement(
      "INSERT INTO precheck (piece_version_id, job_id, outcome, reason, ine_verdict, message, "
      "report, output_key, output_bytes, latency_ms, created_at) "
      "SELECT id, ?, 'unprocessable', NULL, NULL, ?, NULL, NULL, NULL, "
      "TIMESTAMPDIFF(MICROSECOND, created_at, UTC_TIMESTAMP(3)) DIV 1000, UTC_TIMESTAMP(3) "
      "FROM piece_version WHERE id = ?"));
  insert->setInt64(1, job_id);
  insert->setString(2, UnprocessableMessage());
  insert->setInt64(3, piece_version_id);
  insert->executeUpdate();
}

// The pre-check's line of history: the pièce keeps its status, the
// sentence says a person will look at it.
void RecordUnprocessableInHistory(sql::Connection& connection, std::int64_t piece_version_id) {
  std::unique_ptr<sql::PreparedStatement> query(connection.prepareStatement(
      "SELECT candidature_id, piece_code FROM piece_version WHERE id = ?"));
  query->setInt64(1, piece_version_id);
  std::unique_ptr<sql::ResultSet> row(query->executeQuery());
  if (!row->next()) return;
  RecordHistory(connection,
                PieceEntry(row->getString(1), kPrecheckActor, HistoryKind::kPrecheck,
                           row->getString(2), std::nullopt, std::nullopt, UnprocessableMessage()));
}

}  // namespace

void PoisonJob(sql::Connection& connection, std::int64_t job_id, std::int64_t piece_version_id,
               const std::string& error) {
  MarkPoison(connection, job_id, error);
  EndOpenRuns(connection, job_id);
  RecordUnprocessable(connection, job_id, piece_version_id);
  RecordUnprocessableInHistory(connection, piece_version_id);
  AddToCounter(connection, "jobs_poison");
}

}  // namespace dossier
