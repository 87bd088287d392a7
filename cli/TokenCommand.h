#pragma once

#include <string>
#include <vector>

namespace dossier {

// `dossier token --role candidat|gestionnaire|admin [--candidature ID]
// [--hours N] [--data-dir DIR]`: prints a bearer token signed with the data
// directory's secret. `dossier token --print-key` prints that key
// (base64url) for eCandidat; `--rotate-key` replaces it, keeping the old one
// as DATA/secret.previous for kPreviousKeyGraceSeconds, and prints the new.
int RunTokenCommand(const std::vector<std::string>& args);

}  // namespace dossier
