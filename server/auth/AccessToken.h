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
  // The holder's login (`dossier token --sub`), "" when the token names
  // none; last, so that {role, candidature, expiry} still initializes
  // (the initializer keeps -Wmissing-field-initializers quiet there).
  std::string sub{};

  // May this grant read candidature `id`?
  bool CanRead(const std::string& id) const;
  // Who the history says did what under this grant: "candidat" for a
  // candidate, else the holder's sub, else the role's name.
  std::string Actor() const;
};

// A holder's login as a token may carry it: 1 to 128 characters of
// [A-Za-z0-9._@-] (what fits historique.actor, and nothing a log or a page
// must escape).
bool IsValidSubject(const std::string& sub);

// A bearer token: base64url(JSON payload) "." base64url(HMAC-SHA256). The
// payload is not secret (role, candidature, expiry, holder's sub when
// named); the signature makes it unforgeable without the service's secret.
// Throws std::invalid_argument for a sub that IsValidSubject refuses.
std::string MintToken(const AccessGrant& grant, const std::string& secret);
// The token around any JSON payload, signed: what MintToken writes, and
// what the tests forge to see that VerifyToken checks the payload itself.
std::string SignPayload(const std::string& payload_json, const std::string& secret);

enum class TokenCheck { Valid, Malformed, BadSignature, Expired };

// Verifies the signature (in constant time) and the expiry at `now`. A
// payload whose sub is not a string IsValidSubject accepts is Malformed.
TokenCheck VerifyToken(const std::string& token, const std::string& secret, std::int64_t now,
                       AccessGrant& grant);

}  // namespace dossier
