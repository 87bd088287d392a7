#pragma once

#include <cstdint>
#include <string>

#include "server/auth/AccessToken.h"
#include "server/http/RouteAccess.h"

namespace dossier {

// The token of an `Authorization: Bearer <token>` header (the scheme in any
// case). Throws ClientError `unauthorized` for any other header.
std::string BearerToken(const std::string& authorization_header);

// The grant of an `Authorization: Bearer <token>` header, verified at `now`
// (Unix seconds). Throws ClientError `unauthorized` when the header is
// missing, malformed or badly signed, `token_expired` when it expired.
AccessGrant Authenticate(const std::string& authorization_header, const TokenKeys& keys,
                         std::int64_t now);

// Whether `grant` may call a route open to `access` on `candidature_id`
// (empty for routes without one). Throws ClientError `forbidden`: a role
// the route does not admit, or a candidat token on another candidature.
void Authorize(const AccessGrant& grant, const RouteAccess& access,
               const std::string& candidature_id);

}  // namespace dossier
