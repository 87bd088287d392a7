#include "workers/queue/HeldJob.h"

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <memory>

namespace dossier {
namespace {

bool RunCompleted(sql::Connection& connection, std::int64_t run_id) {
  std::unique_ptr<sql::PreparedStatement> query(
      connection.prepareStatement("SELECT outcome FROM job_run WHERE id = ?"));
  query->setInt64(1, run_id);
  std::unique_ptr<sql::ResultSet> row(query->executeQuery());
  return row->next() && !row->isNull(1) && row->getString(1) == "done";
}

}  // namespace

HeldJob LockHeldJob(sql::Connection& connection, const ClaimedJob& job) {
  std::unique_ptr<sql::PreparedStatement> query(connection.prepareStatement(
      "SELECT state, lease_token, attempts FROM job WHERE id = ? FOR UPDATE"));
  query->setInt64(1, job.id);
  std::unique_ptr<sql::ResultSet> row(query->executeQuery());
  HeldJob held;
  if (!row->next()) return held;
  held.state = row->getString(1);
  held.attempts = row->getInt(3);
  bool token_matches = !row->isNull(2) && row->getString(2) == job.lease_token;
  if (held.state == "running" && token_matches) {
    held.hold = LeaseHold::Held;
  } else if (RunCompleted(connection, job.run_id)) {
    held.hold = LeaseHold::Completed;
  } else {
    EndRun(connection, job.run_id, "lost_lease", "the lease ran out before the job ended");
    held.hold = LeaseHold::Lost;
  }
  return held;
}

void EndRun(sql::Connection& connection, std::int64_t run_id, const std::string& outcome,
            const std::string& error) {
  std::unique_ptr<sql::PreparedStatement> update(connection.prepareStatement(
      "UPDATE job_run SET ended_at = UTC_TIMESTAMP(3), outcome = ?, error = NULLIF(?, '') "
      "WHERE id = ? AND ended_at IS NULL"));
  update->setString(1, outcome);
  update->setString(2, error);
  update->setInt64(3, run_id);
  update->executeUpdate();
}

}  // namespace dossier
