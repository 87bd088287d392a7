#include "workers/queue/CompleteJob.h"

#include <cppconn/connection.h>
#include <cppconn/datatype.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <memory>

#include "store/db/Transaction.h"
#include "workers/queue/HeldJob.h"
#include "workflow/JobOutcome.h"
#include "workflow/StatusNotices.h"
#include "workflow/Transitions.h"
#include "workflow/WorkflowRows.h"
#include "workflow/history/RecordHistory.h"

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
  const PieceReport& report = result.report;
  insert->setInt64(1, job.id);
  insert->setString(2, Code(report.accepted ? JobOutcome::kAccepted : JobOutcome::kRefused));
  SetOrNull(*insert, 3, report.accepted || !report.reason ? "" : ReasonCode(*report.reason));
  SetOrNull(*insert, 4, report.ine.verdict);
  insert->setString(5, report.message);
  insert->setString(6, report.ToJson());
  SetOrNull(*insert, 7, result.output_key);
  if (result.output_key.empty())
    insert->setNull(8, sql::DataType::BIGINT);
  else
    insert->setInt64(8, static_cast<std::int64_t>(report.output_bytes));
  SetOrNull(*insert, 9, result.output_key.empty() ? "" : result.thumbnail_key);
  insert->setInt64(10, job.piece_version_id);
  insert->executeUpdate();
}

// What a refusal does to the pièce: its status before and after.
struct RefusalEffect {
  PieceStatus before;
  PieceStatus after;
};

// The pièce row locked, its status once this refused version is taken into
// account (StatusAfterAutomaticRefusal); nullopt when the refusal decides
// nothing. pj_cand alone is locked: WorkflowRows' LockPiece would lock the
// pièce type's row too, which every job of that type completes through.
// Locked before the precheck row is written, so that a bulk validation,
// which locks the pièces then reads their pre-checks, sees this refusal or
// makes it wait.
std::optional<RefusalEffect> LockPieceForRefusal(sql::Connection& connection,
                                                 const ClaimedJob& job) {
  std::unique_ptr<sql::PreparedStatement> query(connection.prepareStatement(
      "SELECT status, current_version FROM pj_cand WHERE candidature_id = ? AND piece_code = ? "
      "FOR UPDATE"));
  query->setString(1, job.candidature_id);
  query->setString(2, job.piece_code);
  std::unique_ptr<sql::ResultSet> row(query->executeQuery());
  if (!row->next()) return std::nullopt;
  std::optional<PieceStatus> current = ParsePieceStatus(std::string(row->getString(1)));
  if (!current) return std::nullopt;
  std::optional<PieceStatus> refused =
      StatusAfterAutomaticRefusal(*current, row->getInt(2) == job.version);
  if (!refused) return std::nullopt;
  return RefusalEffect{*current, *refused};
}

// The pre-check's line of history, by the automatic check, with the pièce's
// statuses when the refusal changed it.
void RecordPrecheck(sql::Connection& connection, const ClaimedJob& job, const std::string& message,
                    const std::optional<RefusalEffect>& effect) {
  std::optional<PieceStatus> before, after;
  if (effect) {
    before = effect->before;
    after = effect->after;
  }
  RecordHistory(connection, PieceEntry(job.candidature_id, kPrecheckActor, HistoryKind::kPrecheck,
                                       job.piece_code, before, after, message));
}

void NotifyRefusal(sql::Connection& connection, const ClaimedJob& job, const std::string& message,
                   const std::string& public_url) {
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
  AddNotification(connection,
                  PieceRefusedNotice(job.candidature_id, formation, {label, message}, public_url));
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
                       const PrecheckResult& result, const std::string& public_url) {
  Transaction transaction(connection);
  HeldJob held = LockHeldJob(connection, job);
  if (held.hold != LeaseHold::Held) {
    transaction.Commit();  // keeps the lost attempt's job_run closed
    return held.hold == LeaseHold::Completed ? Completion::Completed : Completion::LeaseLost;
  }
  std::optional<RefusalEffect> refusal;
  if (!result.report.accepted) refusal = LockPieceForRefusal(connection, job);
  InsertPrecheck(connection, job, result);
  if (refusal) {
    SetPieceStatus(connection, job.candidature_id, job.piece_code, refusal->after,
                   result.report.message);
    NotifyRefusal(connection, job, result.report.message, public_url);
  }
  RecordPrecheck(connection, job, result.report.message, refusal);
  MarkDone(connection, job);
  transaction.Commit();
  return Completion::Completed;
}

}  // namespace dossier
