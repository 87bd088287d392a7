#pragma once

#include <string>

#include "store/db/DatabaseUrl.h"

namespace dossier {

// The database a command talks to: `--db URL`, else DOSSIER_DB, else the
// private MariaDB that scripts/run.sh starts under the data directory
// (`DATA/mariadb/mariadb.sock`, schema `dossier`, user `dossier` with the
// password in `DATA/mariadb/service.password`).
DatabaseUrl ResolveDatabaseUrl(const std::string& flag, const std::string& data_dir);

// `--data-dir DIR`, else DOSSIER_DATA_DIR, else ./data.
std::string ResolveDataDir(const std::string& flag);

}  // namespace dossier
