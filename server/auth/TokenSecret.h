#pragma once

#include <stdexcept>
#include <string>

namespace dossier {

class TokenSecretError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The key that signs bearer tokens: DATA/secret, 32 random bytes written
// (mode 0600) on first use. Every server sharing the data directory, and
// `dossier token`, read the same one.
std::string LoadOrCreateTokenSecret(const std::string& data_dir);

}  // namespace dossier
