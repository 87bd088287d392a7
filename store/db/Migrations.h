#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "store/db/DatabaseUrl.h"

namespace dossier {

// One versioned SQL file of schemas/ (V001__init.sql …), compiled into the
// binaries so that a deployed dossierd needs no source tree.
struct Migration {
  int version = 0;
  std::string name;  // "init"
  std::string sql;
};

const std::vector<Migration>& BuiltInMigrations();

// Splits a migration into statements: `;` at the end of a line ends one;
// `--` comment lines are dropped.
std::vector<std::string> SplitStatements(const std::string& sql);

struct MigrationResult {
  std::vector<int> applied;  // versions applied by this call
  int current = 0;           // version of the schema afterwards
};

// The database was migrated by a newer release than this binary: its
// statements could write rows that schema does not allow, or miss columns
// it needs, so it does not start.
class SchemaTooNew : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Creates the database when missing, then applies, in order, the migrations
// not yet recorded in `schema_version`. Several processes starting at once
// serialise on a named lock, so each migration runs once. Throws
// SchemaTooNew, applying nothing, when the database records a version
// newer than the last of `migrations`.
MigrationResult Migrate(const DatabaseUrl& url,
                        const std::vector<Migration>& migrations = BuiltInMigrations());

}  // namespace dossier
