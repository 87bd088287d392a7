#pragma once

#include <string>
#include <vector>

namespace dossier {

// `dossier token --role candidat|gestionnaire|admin [--candidature ID]
// [--hours N] [--data-dir DIR]`: prints a bearer token signed with the data
// directory's secret.
int RunTokenCommand(const std::vector<std::string>& args);

}  // namespace dossier
