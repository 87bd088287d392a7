#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "server/auth/TokenKeys.h"

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

// A bearer token is a JWT (RFC 7519) signed with HS256: header
// {"alg":"HS256","typ":"JWT"}, claims role, cand (a candidat's
// candidature), sub (the holder, when named), exp and iat (Unix seconds).
// Built and checked with Poco::JWT. Throws std::invalid_argument for a sub
// that IsValidSubject refuses.
std::string MintToken(const AccessGrant& grant, const std::string& key, std::int64_t issued_at);
std::string MintToken(const AccessGrant& grant, const std::string& key);  // issued now
// A JWT signed with HS256 around any claims JSON object: what the tests
// forge to see that VerifyToken checks the claims themselves.
std::string SignPayload(const std::string& claims_json, const std::string& key);

// Seconds a token stays valid past its exp: clocks of eCandidat and of the
// service differ a little.
constexpr std::int64_t kClockLeewaySeconds = 30;

// Malformed: not a JWT, or claims that are missing or wrong (no exp, an
// unknown role, a candidat without cand, a sub IsValidSubject refuses).
// BadSignature: an alg other than HS256 (none, HS512, RS256…), or a
// signature neither the current key nor the previous one (within its grace)
// makes. Expired: exp + kClockLeewaySeconds <= now.
enum class TokenCheck { Valid, Malformed, BadSignature, Expired };

TokenCheck VerifyToken(const std::string& token, const TokenKeys& keys, std::int64_t now,
                       AccessGrant& grant);

}  // namespace dossier
