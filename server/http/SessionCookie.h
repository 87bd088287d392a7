#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace dossier {

// The candidate page's session: the candidat token it was opened with, kept
// by the browser in an HttpOnly cookie scoped to the candidature's API path,
// so that the page opened again from history or a bookmark (no token in its
// address any more) still reaches its candidature.
constexpr const char* kSessionCookieName = "dossier_candidat";

// The path the cookie is scoped to: "/api/v1/candidatures/{id}", which
// covers every route of that candidature and no other candidature's.
std::string SessionCookiePath(const std::string& candidature_id);

// Every value of cookie `name` in Cookie header values (one per header
// line), in the order sent: pairs split on ';', spaces around names and
// values ignored, a value in double quotes unquoted, pairs without '=' or
// with another name skipped. A browser sends the cookie of the longest
// matching path first; a name set again for a wider path by something else
// comes after it.
std::vector<std::string> CookieValues(const std::vector<std::string>& cookie_headers,
                                      const std::string& name);

// The Set-Cookie value that stores `token` for `max_age_seconds` (the
// token's remaining life): HttpOnly, SameSite=Strict, Secure when the
// service is reached over https.
std::string SessionCookieHeader(const std::string& token, const std::string& candidature_id,
                                std::int64_t max_age_seconds, bool secure);

// The Set-Cookie value that removes it (Max-Age=0).
std::string ClearedSessionCookieHeader(const std::string& candidature_id, bool secure);

}  // namespace dossier
