#pragma once

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

// Creates the database when missing, then applies, in order, the migrations
// not yet recorded in `schema_version`. Several processes starting at once
// serialise on a named lock, so each migration runs once.
MigrationResult Migrate(const DatabaseUrl& url,
                        const std::vector<Migration>& migrations = BuiltInMigrations());

}  // namespace dossier
