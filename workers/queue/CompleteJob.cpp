#include "workers/queue/CompleteJob.h"

#include <cppconn/connection.h>
#include <cppconn/datatype.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <memory>

#include "store/db/Transaction.h"
#include "store/workflow/Statuses.h"
#include "workers/queue/HeldJob.h"
#include "workers/queue/RefusalNotification.h"

namespace dossier {
namespace {

void SetOrNull(sql::PreparedStatement& statement, int index, const std::string& value) {
  if (value.empty())
    statement.setNull(index, sql::DataType::VARCHAR);
  else
    statement.setString(index, value);
}

void InsertPrecheck(sql::Connection& connection, const ClaimedJob& job,
                    const PrecheckResult& result) {
  std::unique_ptr<sql::PreparedStatement> insert(connection.prepareStatement(
      "INSERT INTO precheck (piece_version_id, job_id, outcome, reason, ine_verdict, message, "
      "report, output_key, output_bytes, thumbnail_key, latency_ms, created_at) "
      "SELECT id, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "TIMESTAMPDIFF(MICROSECOND, created_at, UTC_TIMESTAMP(3)) DIV 1000, UTC_TIMESTAMP(3) "
      "FROM piece_version WHERE id = ?"));
  insert->setInt64(1, job.id);
  insert->setString(2, result.accepted ? "accepted" : "refused");
  SetOrNull(*insert, 3, result.accepted ? "" : result.reason);
  SetOrNull(*insert, 4, result.ine_verdict);
  insert->setString(5, result.message);
  insert->setString(6, result.report_json);
  SetOrNull(*insert, 7, result.output_key);
  if (result.output_key.empty())
    insert->setNull(8, sql::DataType::BIGINT);
  else
    insert->setInt64(8, static_cast<std::int64_t>(result.output_bytes));
  SetOrNull(*insert, 9, result.output_key.empty() ? "" : result.thumbnail_key);
  insert->setInt64(10, job.piece_version_id);
  insert->executeUpdate();
}

// The pièce row, locked, when this version may still decide its status: the
// current version, still waiting for a decision.
bool LockPieceAwaitingThisVersion(sql::Connection& connection, const ClaimedJob& job) {
  std::unique_ptr<sql::PreparedStatement> query(connection.prepareStatement(
      "SELECT status, current_version FROM pj_cand WHERE candidature_id = ? AND piece_code = ? "
      "FOR UPDATE"));
  query->setString(1, job.candidature_id);
  query->setString(2, job.piece_code);
  std::unique_ptr<sql::ResultSet> row(query->executeQuery());
  return row->next() && row->getString(1) == piece_status::kTransmise &&
         row->getInt(2) == job.version;
}

void RefusePiece(sql::Connection& connection, const ClaimedJob& job, const std::string& comment) {
  std::unique_ptr<sql::PreparedStatement> update(connection.prepareStatement(
      "UPDATE pj_cand SET status = ?, comment = ?, updated_at = UTC_TIMESTAMP(3) "
      "WHERE candidature_id = ? AND piece_code = ?"));
  update->setString(1, piece_status::kRefusee);
  update->setString(2, comment);
  update->setString(3, job.candidature_id);
  update->setString(4, job.piece_code);
  update->executeUpdate();
}

void NotifyRefusal(sql::Connection& connection, const ClaimedJob& job, const std::string& message) {
  std::unique_ptr<sql::PreparedStatement> query(
      connection.prepareStatement("SELECT p.label, c.formation FROM piece_justif p, candidature c "
                                  "WHERE p.code = ? AND c.id = ?"));
  query->setString(1, job.piece_code);
  query->setString(2, job.candidature_id);
  std::unique_ptr<sql::ResultSet> row(query->executeQuery());
  std::string label = job.piece_code, formation;
  if (row->next()) {
    label = row->getString(1);
    formation = row->getString(2);
  }
  AddNotification(connection, RefusalNotification(job.candidature_id, label, formation, message));
}

void MarkDone(sql::Connection& connection, const ClaimedJob& job) {
  std::unique_ptr<sql::PreparedStatement> update(connection.prepareStatement(
      "UPDATE job SET state = 'done', finished_at = UTC_TIMESTAMP(3), locked_by = NULL, "
      "locked_until = NULL, lease_token = NULL, last_error = NULL WHERE id = ?"));
  update->setInt64(1, job.id);
  update->executeUpdate();
  EndRun(connection, job.run_id, "done");
}

}  // namespace

Completion CompleteJob(sql::Connection& connection, const ClaimedJob& job,
                       const PrecheckResult& result) {
  Transaction transaction(connection);
  HeldJob held = LockHeldJob(connection, job);
  if (held.hold != LeaseHold::Held) {
    transaction.Commit();  // keeps the lost attempt's job_run closed
    return held.hold == LeaseHold::Completed ? Completion::Completed : Completion::LeaseLost;
  }
  InsertPrecheck(connection, job, result);
  if (!result.accepted && LockPieceAwaitingThisVersion(connection, job)) {
    RefusePiece(connection, job, result.message);
    NotifyRefusal(connection, job, result.message);
  }
  MarkDone(connection, job);
  transaction.Commit();
  return Completion::Completed;
}

}  // namespace dossier
