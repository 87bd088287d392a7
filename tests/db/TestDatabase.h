#pragma once

#include <memory>
#include <string>
#include <vector>

#include "store/db/ConnectionPool.h"
#include "store/db/DatabaseUrl.h"

namespace dossier::test {

// A fresh, migrated schema on the MariaDB that scripts/test.sh starts
// (DOSSIER_TEST_DB), private to one test and dropped after it. Tests that
// touch the database fail, loudly, when no server is configured.
class TestDatabase {
 public:
  TestDatabase();
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  const DatabaseUrl& url() const { return url_; }
  std::string UrlText() const;  // for `dossierd --db`
  ConnectionPool& pool() { return *pool_; }
  // Runs one statement and returns the first column of the first row ("" when none).
  std::string Scalar(const std::string& query);
  long long Count(const std::string& query) { return std::stoll(Scalar(query)); }
  // The first column of every row.
  std::vector<std::string> Column(const std::string& query);

 private:
  DatabaseUrl url_;
  std::unique_ptr<ConnectionPool> pool_;
};

// The server's URL from DOSSIER_TEST_DB; throws with a hint when unset.
DatabaseUrl TestServerUrl();

}  // namespace dossier::test
