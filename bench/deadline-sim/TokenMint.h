// Bearer tokens from the `dossier token` command (it finds the service's
// secret in its data directory).
#pragma once

#include <string>

namespace dossier::sim {

// `dossier token --role ROLE [--candidature ID] --hours 6 --data-dir DIR`;
// throws std::runtime_error when the command fails.
std::string MintToken(const std::string& dossier_bin, const std::string& data_dir,
                      const std::string& role, const std::string& candidature = "");

}  // namespace dossier::sim
