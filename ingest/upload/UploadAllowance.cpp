#include "ingest/upload/UploadAllowance.h"

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <cstdint>
#include <memory>

#include "store/db/Transaction.h"

namespace dossier {
namespace {

constexpr std::int64_t kMicroseconds = 1'000'000;

using Statement = std::unique_ptr<sql::PreparedStatement>;

// How far ahead of now the candidature's allowance is whole again
// (microseconds, 0 when it already is), its row created and locked.
std::int64_t LockDebt(sql::Connection& connection, const std::string& candidature_id) {
  Statement create(connection.prepareStatement(
      "INSERT INTO upload_allowance (candidature_id, full_at) VALUES (?, UTC_TIMESTAMP(3)) "
      "ON DUPLICATE KEY UPDATE full_at = full_at"));
  create->setString(1, candidature_id);
  create->executeUpdate();
  Statement select(connection.prepareStatement(
      "SELECT GREATEST(TIMESTAMPDIFF(MICROSECOND, UTC_TIMESTAMP(3), full_at), 0) "
      "FROM upload_allowance WHERE candidature_id = ? FOR UPDATE"));
  select->setString(1, candidature_id);
  std::unique_ptr<sql::ResultSet> row(select->executeQuery());
  row->next();
  return row->getInt64(1);
}

void SetDebt(sql::Connection& connection, const std::string& candidature_id, std::int64_t debt) {
  Statement update(connection.prepareStatement(
      "UPDATE upload_allowance SET full_at = UTC_TIMESTAMP(3) + INTERVAL ? MICROSECOND "
      "WHERE candidature_id = ?"));
  update->setInt64(1, debt);
  update->setString(2, candidature_id);
  update->executeUpdate();
}

}  // namespace

int TakeUploadAllowance(sql::Connection& connection, const std::string& candidature_id,
                        const CandidatureQuota& quota) {
  if (quota.upload_interval_seconds <= 0) return 0;
  const std::int64_t interval = quota.upload_interval_seconds * kMicroseconds;
  const std::int64_t burst = quota.upload_burst * interval;
  Transaction transaction(connection);
  // Each upload puts the allowance one interval further from whole; past a
  // whole burst, the candidature waits for the difference.
  std::int64_t debt = LockDebt(connection, candidature_id) + interval;
  if (debt > burst) return static_cast<int>((debt - burst + kMicroseconds - 1) / kMicroseconds);
  SetDebt(connection, candidature_id, debt);
  transaction.Commit();
  return 0;
}

}  // namespace dossier
