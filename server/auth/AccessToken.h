#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace dossier {

// Who may do what. A candidat token opens one candidature; a gestionnaire
// reads every candidature and decides on pièces; an admin creates
// candidatures and their pièce requirements (and may do the rest).
enum class TokenRole { Candidat, Gestionnaire, Admin };

const char* TokenRoleName(TokenRole role);
std::optional<TokenRole> ParseTokenRole(const std::string& name);

struct AccessGrant {
  TokenRole role = TokenRole::Candidat;
  std::string candidature;      // the one candidature of a candidat token
  std::int64_t expires_at = 0;  // Unix seconds

  // May this grant read candidature `id`?
  bool CanRead(const std::string& id) const;
};

// A bearer token: base64url(JSON payload) "." base64url(HMAC-SHA256). The
// payload is not secret (role, candidature, expiry); the signature makes it
// unforgeable without the service's secret.
std::string MintToken(const AccessGrant& grant, const std::string& secret);

enum class TokenCheck { Valid, Malformed, BadSignature, Expired };

// Verifies the signature (in constant time) and the expiry at `now`.
TokenCheck VerifyToken(const std::string& token, const std::string& secret, std::int64_t now,
                       AccessGrant& grant);

}  // namespace dossier
