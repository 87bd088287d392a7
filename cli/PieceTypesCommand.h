#pragma once

#include <string>
#include <vector>

namespace dossier {

// `dossier piece-types [--policy FILE]`: the pièce types in force, as JSON,
// so that an establishment can check its configuration.
int RunPieceTypesCommand(const std::vector<std::string>& args);

}  // namespace dossier
