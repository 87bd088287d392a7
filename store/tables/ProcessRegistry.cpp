#include "store/tables/ProcessRegistry.h"

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <unistd.h>

#include <memory>

#include "store/blobs/BlobStore.h"

namespace dossier {

ProcessRegistry::ProcessRegistry(std::string role) : role_(std::move(role)) {
  char name[256] = {};
  gethostname(name, sizeof name - 1);
  host_ = name;
  id_ = host_ + ":" + std::to_string(getpid()) + ":" + RandomHex(4);
}

void ProcessRegistry::Beat(sql::Connection& connection) const {
  std::unique_ptr<sql::PreparedStatement> upsert(
      connection.prepareStatement("INSERT INTO worker (id, role, host, pid, started_at, last_seen) "
                                  "VALUES (?, ?, ?, ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)) "
                                  "ON DUPLICATE KEY UPDATE last_seen = UTC_TIMESTAMP(3)"));
  upsert->setString(1, id_);
  upsert->setString(2, role_);
  upsert->setString(3, host_);
  upsert->setInt(4, static_cast<int>(getpid()));
  upsert->executeUpdate();
}

void ProcessRegistry::Leave(sql::Connection& connection) const {
  std::unique_ptr<sql::PreparedStatement> remove(
      connection.prepareStatement("DELETE FROM worker WHERE id = ?"));
  remove->setString(1, id_);
  remove->executeUpdate();
}

int CountAlive(sql::Connection& connection, const std::string& role, int within_seconds) {
  std::unique_ptr<sql::PreparedStatement> query(
      connection.prepareStatement("SELECT COUNT(*) FROM worker WHERE role = ? AND "
                                  "last_seen > UTC_TIMESTAMP(3) - INTERVAL ? SECOND"));
  query->setString(1, role);
  query->setInt(2, within_seconds);
  std::unique_ptr<sql::ResultSet> row(query->executeQuery());
  return row->next() ? row->getInt(1) : 0;
}

}  // namespace dossier
