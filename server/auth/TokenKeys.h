#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace dossier {

// How long a retired key still verifies tokens after `dossier token
// --rotate-key`: long enough for eCandidat to pick up the new key and for
// the candidat links already mailed with short expiries to be used.
constexpr std::int64_t kPreviousKeyGraceSeconds = 7 * 24 * 3600;

// The HMAC keys that verify bearer tokens: the current one (which signs),
// and the previous one, retired at `retired_at` (Unix seconds), accepted
// until kPreviousKeyGraceSeconds later. Implicit from a string: a single
// current key, what tests and benches pass.
struct TokenKeys {
  TokenKeys(std::string current_key) : current(std::move(current_key)) {}  // NOLINT implicit
  TokenKeys(const char* current_key) : current(current_key) {}             // NOLINT implicit

  std::string current;
  std::optional<std::string> previous{};
  std::int64_t retired_at = 0;

  // Whether the previous key still verifies at `now`.
  bool PreviousAcceptedAt(std::int64_t now) const {
    return previous && !previous->empty() && now < retired_at + kPreviousKeyGraceSeconds;
  }
};

}  // namespace dossier
