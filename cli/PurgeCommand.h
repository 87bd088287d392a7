#pragma once

#include <string>
#include <vector>

namespace dossier {

// `dossier purge (--formation TEXT | --before YYYY-MM-DD) [--dry-run]
// [--data-dir DIR] [--db URL]`: deletes the candidatures of a closed
// campaign, their rows and their files (workflow/retention), and prints
// what it removed.
int RunPurgeCommand(const std::vector<std::string>& args);

}  // namespace dossier
