#pragma once

#include <string>
#include <vector>

namespace dossier {

// `dossier migrate [--db URL] [--data-dir DIR]`: creates the database when
// missing and applies the migrations of schemas/ not yet applied.
int RunMigrateCommand(const std::vector<std::string>& args);

}  // namespace dossier
