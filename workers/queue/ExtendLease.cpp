#include "workers/queue/ExtendLease.h"

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <memory>

namespace dossier {

bool ExtendLease(sql::Connection& connection, const ClaimedJob& job,
                 std::chrono::milliseconds lease) {
  std::unique_ptr<sql::PreparedStatement> update(connection.prepareStatement(
      "UPDATE job SET locked_until = UTC_TIMESTAMP(3) + INTERVAL ? MICROSECOND "
      "WHERE id = ? AND lease_token = ? AND state = 'running'"));
  update->setInt64(1, static_cast<std::int64_t>(lease.count()) * 1000);
  update->setInt64(2, job.id);
  update->setString(3, job.lease_token);
  if (update->executeUpdate() > 0) return true;
  // MySQL counts changed rows, not matched ones: a beat in the same
  // millisecond as the claim changes nothing and still holds the lease.
  std::unique_ptr<sql::PreparedStatement> query(connection.prepareStatement(
      "SELECT COUNT(*) FROM job WHERE id = ? AND lease_token = ? AND state = 'running'"));
  query->setInt64(1, job.id);
  query->setString(2, job.lease_token);
  std::unique_ptr<sql::ResultSet> row(query->executeQuery());
  return row->next() && row->getInt(1) > 0;
}

}  // namespace dossier
