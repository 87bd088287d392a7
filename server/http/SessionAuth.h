#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "server/auth/AccessToken.h"

namespace dossier {

// The grant of the candidate page's session cookie (SessionCookie.h) on a
// route of candidature `candidature_id`, when the request has no
// Authorization header. Each value is verified like a bearer token
// (signature, expiry); the first candidat token of this candidature wins
// (a browser may send a same-named cookie set for a wider path too). None:
// the verdict on the first value, as ClientError: `token_expired`,
// `unauthorized` (malformed, forged, or a staff token: the cookie only ever
// carries a candidat's), `forbidden` (another candidature's).
AccessGrant AuthenticateSessionCookie(const std::vector<std::string>& tokens, const TokenKeys& keys,
                                      std::int64_t now, const std::string& candidature_id);

// A request that changes something on the strength of the cookie must come
// from this service's own pages: when it carries an Origin header, its
// host[:port] must be the request's Host, or the origin of `public_url`.
// SameSite=Strict already keeps the cookie off cross-site requests; this is
// the second lock. Safe methods (GET, HEAD, OPTIONS) pass. Throws
// ClientError `forbidden`.
void RequireOwnOrigin(const std::string& method, const std::string& origin, const std::string& host,
                      const std::string& public_url);

}  // namespace dossier
