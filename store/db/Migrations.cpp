#include "store/db/Migrations.h"

#include <cppconn/connection.h>
#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>

#include <memory>
#include <set>
#include <sstream>
#include <stdexcept>

#include "store/db/ConnectionPool.h"

namespace dossier {
namespace {

std::string Trim(const std::string& text) {
  std::size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  std::size_t end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end - begin + 1);
}

void Execute(sql::Connection& connection, const std::string& statement) {
  std::unique_ptr<sql::Statement> run(connection.createStatement());
  run->execute(statement);
}

std::set<int> AppliedVersions(sql::Connection& connection) {
  std::unique_ptr<sql::Statement> query(connection.createStatement());
  std::unique_ptr<sql::ResultSet> rows(query->executeQuery("SELECT version FROM schema_version"));
  std::set<int> versions;
  while (rows->next()) versions.insert(rows->getInt(1));
  return versions;
}

void Apply(sql::Connection& connection, const Migration& migration) {
  for (const std::string& statement : SplitStatements(migration.sql)) {
    try {
      Execute(connection, statement);
    } catch (const sql::SQLException& error) {
      throw std::runtime_error("migration V" + std::to_string(migration.version) + "__" +
                               migration.name + " failed: " + error.what() +
                               "\nin: " + statement.substr(0, 200));
    }
  }
  std::unique_ptr<sql::PreparedStatement> record(connection.prepareStatement(
      "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, UTC_TIMESTAMP(3))"));
  record->setInt(1, migration.version);
  record->setString(2, migration.name);
  record->executeUpdate();
}

// Holds MySQL's named lock for the lifetime of the object.
class MigrationLock {
 public:
  explicit MigrationLock(sql::Connection& connection) : connection_(connection) {
    std::unique_ptr<sql::Statement> query(connection_.createStatement());
    std::unique_ptr<sql::ResultSet> row(
        query->executeQuery("SELECT GET_LOCK(CONCAT(DATABASE(), '.migrate'), 60)"));
    if (!row->next() || row->getInt(1) != 1)
      throw std::runtime_error("another process kept the migration lock for 60 s");
  }
  ~MigrationLock() {
    try {
      Execute(connection_, "DO RELEASE_LOCK(CONCAT(DATABASE(), '.migrate'))");
    } catch (const sql::SQLException&) {
    }
  }

 private:
  sql::Connection& connection_;
};

}  // namespace

std::vector<std::string> SplitStatements(const std::string& sql) {
  std::vector<std::string> statements;
  std::istringstream lines(sql);
  std::string line, current;
  while (std::getline(lines, line)) {
    std::string trimmed = Trim(line);
    if (trimmed.empty() || trimmed.rfind("--", 0) == 0) continue;
    current += line + "\n";
    if (trimmed.back() == ';') {
      std::string statement = Trim(current);
      statement.pop_back();
      statements.push_back(statement);
      current.clear();
    }
  }
  if (!Trim(current).empty()) statements.push_back(Trim(current));
  return statements;
}

MigrationResult Migrate(const DatabaseUrl& url, const std::vector<Migration>& migrations) {
  {
    std::unique_ptr<sql::Connection> server = ConnectionPool::Connect(url, false);
    Execute(*server, "CREATE DATABASE IF NOT EXISTS `" + url.schema +
                         "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
  }
  std::unique_ptr<sql::Connection> connection = ConnectionPool::Connect(url);
  MigrationLock lock(*connection);
  Execute(*connection,
          "CREATE TABLE IF NOT EXISTS schema_version (version INT NOT NULL PRIMARY KEY, "
          "name VARCHAR(200) NOT NULL, applied_at DATETIME(3) NOT NULL) ENGINE=InnoDB");
  std::set<int> done = AppliedVersions(*connection);
  int known = migrations.empty() ? 0 : migrations.back().version;
  if (!done.empty() && *done.rbegin() > known)
    throw SchemaTooNew("the database " + url.schema + " is at schema version " +
                       std::to_string(*done.rbegin()) + ", newer than this binary knows (" +
                       std::to_string(known) +
                       "): run the release that migrated it, or a newer one");
  MigrationResult result;
  for (const Migration& migration : migrations) {
    if (done.count(migration.version)) continue;
    Apply(*connection, migration);
    result.applied.push_back(migration.version);
    done.insert(migration.version);
  }
  result.current = done.empty() ? 0 : *done.rbegin();
  return result;
}

}  // namespace dossier
