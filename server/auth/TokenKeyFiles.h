#pragma once

#include <cstdint>
#include <string>

#include "server/auth/TokenKeys.h"

namespace dossier {

// The keys of a data directory: DATA/secret (created on first use, see
// TokenSecret.h) and DATA/secret.previous when a rotation left one: the
// retired key on its first line, the Unix second it was retired on the
// second. Throws TokenSecretError.
TokenKeys LoadTokenKeys(const std::string& data_dir);

// `dossier token --rotate-key`: the current key becomes DATA/secret.previous
// (retired at `now`), a new random key becomes DATA/secret; each file is
// replaced whole (write, fsync, rename). Servers read the keys at start:
// restart them to sign and accept with the new key. Returns the new keys.
TokenKeys RotateTokenKey(const std::string& data_dir, std::int64_t now);

}  // namespace dossier
