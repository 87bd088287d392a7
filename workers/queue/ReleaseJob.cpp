#include "workers/queue/ReleaseJob.h"

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>

#include <memory>

#include "store/db/Transaction.h"
#include "workers/queue/HeldJob.h"

namespace dossier {

bool ReleaseJob(sql::Connection& connection, const ClaimedJob& job, const std::string& why,
                std::chrono::milliseconds delay, const std::string& outcome) {
  Transaction transaction(connection);
  HeldJob held = LockHeldJob(connection, job);
  if (held.hold != LeaseHold::Held) {
    transaction.Commit();
    return false;
  }
  std::unique_ptr<sql::PreparedStatement> update(connection.prepareStatement(
      "UPDATE job SET state = 'queued', run_after = UTC_TIMESTAMP(3) + INTERVAL ? MICROSECOND, "
      "attempts = GREATEST(attempts - 1, 0), locked_by = NULL, locked_until = NULL, "
      "lease_token = NULL, last_error = ? WHERE id = ?"));
  update->setInt64(1, static_cast<std::int64_t>(delay.count()) * 1000);
  update->setString(2, why);
  update->setInt64(3, job.id);
  update->executeUpdate();
  EndRun(connection, job.run_id, outcome, why);
  transaction.Commit();
  return true;
}

}  // namespace dossier
