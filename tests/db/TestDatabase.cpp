#include "tests/db/TestDatabase.h"

#include <cppconn/connection.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>

#include <cstdlib>
#include <stdexcept>

#include "store/blobs/BlobStore.h"
#include "store/db/Migrations.h"

namespace dossier::test {

DatabaseUrl TestServerUrl() {
  const char* env = std::getenv("DOSSIER_TEST_DB");
  if (!env || !*env)
    throw std::runtime_error(
        "DOSSIER_TEST_DB is not set: these tests need the MariaDB that scripts/test.sh starts "
        "(or: scripts/mariadb.sh start DIR; "
        "export DOSSIER_TEST_DB=$(scripts/mariadb.sh test-url DIR))");
  return DatabaseUrl::Parse(env);
}

TestDatabase::TestDatabase() : url_(TestServerUrl()) {
  url_.schema = "t_" + RandomHex(6);
  Migrate(url_);
  pool_ = std::make_unique<ConnectionPool>(url_, 8);
}

TestDatabase::~TestDatabase() {
  pool_.reset();
  try {
    std::unique_ptr<sql::Connection> server = ConnectionPool::Connect(url_, false);
    std::unique_ptr<sql::Statement> drop(server->createStatement());
    drop->execute("DROP DATABASE IF EXISTS `" + url_.schema + "`");
  } catch (const std::exception&) {
  }
}

std::string TestDatabase::UrlText() const {
  return url_.ToString();
}

std::string TestDatabase::Scalar(const std::string& query) {
  PooledConnection connection = pool_->Acquire();
  std::unique_ptr<sql::Statement> statement(connection->createStatement());
  std::unique_ptr<sql::ResultSet> rows(statement->executeQuery(query));
  if (!rows->next()) return "";
  return rows->isNull(1) ? "" : std::string(rows->getString(1));
}

}  // namespace dossier::test

namespace dossier::test {

std::vector<std::string> TestDatabase::Column(const std::string& query) {
  PooledConnection connection = pool_->Acquire();
  std::unique_ptr<sql::Statement> statement(connection->createStatement());
  std::unique_ptr<sql::ResultSet> rows(statement->executeQuery(query));
  std::vector<std::string> values;
  while (rows->next()) values.push_back(rows->isNull(1) ? "" : std::string(rows->getString(1)));
  return values;
}

}  // namespace dossier::test
