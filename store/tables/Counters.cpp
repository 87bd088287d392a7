#include "store/tables/Counters.h"

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <memory>

namespace dossier {

void AddToCounter(sql::Connection& connection, const std::string& name, std::int64_t delta) {
  std::unique_ptr<sql::PreparedStatement> upsert(connection.prepareStatement(
      "INSERT INTO counter (name, value) VALUES (?, ?) ON DUPLICATE KEY UPDATE value = value + ?"));
  upsert->setString(1, name);
  upsert->setInt64(2, delta);
  upsert->setInt64(3, delta);
  upsert->executeUpdate();
}

std::map<std::string, std::int64_t> ReadCounters(sql::Connection& connection) {
  std::unique_ptr<sql::PreparedStatement> query(
      connection.prepareStatement("SELECT name, value FROM counter"));
  std::unique_ptr<sql::ResultSet> rows(query->executeQuery());
  std::map<std::string, std::int64_t> counters;
  while (rows->next()) counters[rows->getString(1)] = rows->getInt64(2);
  return counters;
}

}  // namespace dossier
