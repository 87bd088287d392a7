#include "workers/queue/FailJob.h"

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>

#include <memory>

#include "store/db/Transaction.h"
#include "workers/queue/HeldJob.h"
#include "workers/queue/PoisonJob.h"

namespace dossier {
namespace {

void Requeue(sql::Connection& connection, const ClaimedJob& job, std::chrono::milliseconds delay,
             const std::string& error) {
  std::unique_ptr<sql::PreparedStatement> update(connection.prepareStatement(
      "UPDATE job SET state = 'queued', run_after = UTC_TIMESTAMP(3) + INTERVAL ? MICROSECOND, "
      "locked_by = NULL, locked_until = NULL, lease_token = NULL, last_error = ? WHERE id = ?"));
  update->setInt64(1, static_cast<std::int64_t>(delay.count()) * 1000);
  update->setString(2, error);
  update->setInt64(3, job.id);
  update->executeUpdate();
}

}  // namespace

FailureHandling FailJob(sql::Connection& connection, const ClaimedJob& job,
                        const std::string& outcome, const std::string& error,
                        const WorkerSettings& settings) {
  Transaction transaction(connection);
  HeldJob held = LockHeldJob(connection, job);
  if (held.hold != LeaseHold::Held) {
    transaction.Commit();
    return FailureHandling::LeaseLost;
  }
  EndRun(connection, job.run_id, outcome, error);
  FailureHandling handling;
  if (held.attempts >= settings.max_attempts) {
    PoisonJob(connection, job.id, job.piece_version_id, error);
    handling = FailureHandling::Poisoned;
  } else {
    Requeue(connection, job, settings.BackoffAfter(held.attempts), error);
    handling = FailureHandling::Retried;
  }
  transaction.Commit();
  return handling;
}

}  // namespace dossier
