#include "server/http/SessionAuth.h"

#include <Poco/String.h>

#include "core/errors/ClientError.h"
#include "core/messages/ApiMessages.h"

namespace dossier {
namespace {

// More than a browser ever sends for one path; a crafted header full of
// cookies costs no more than this many signature checks.
constexpr std::size_t kMaxTokensTried = 8;

ClientError Refusal(TokenCheck check, const AccessGrant& grant, const std::string& id) {
  if (check == TokenCheck::Expired)
    return ClientError(ErrorCode::kTokenExpired, messages::TokenExpired(), "session cookie");
  if (check == TokenCheck::Valid && grant.role == TokenRole::Candidat)
    return ClientError(ErrorCode::kForbidden, messages::ForbiddenCandidature(),
                       "session cookie of candidature " + grant.candidature + " on " + id);
  return ClientError(ErrorCode::kUnauthorized, messages::Unauthorized(),
                     check == TokenCheck::Valid ? "session cookie holds a staff token"
                                                : "session cookie not verified");
}

// "https://pj.univ.fr:8443/x" -> "pj.univ.fr:8443"; "" when not an origin.
std::string Authority(const std::string& url) {
  std::size_t scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return "";
  std::size_t start = scheme_end + 3;
  std::size_t end = url.find_first_of("/?#", start);
  return Poco::toLower(url.substr(start, end == std::string::npos ? end : end - start));
}

bool IsSafeMethod(const std::string& method) {
  return method == "GET" || method == "HEAD" || method == "OPTIONS";
}

}  // namespace

AccessGrant AuthenticateSessionCookie(const std::vector<std::string>& tokens, const TokenKeys& keys,
                                      std::int64_t now, const std::string& candidature_id) {
  if (tokens.empty())
    throw ClientError(ErrorCode::kUnauthorized, messages::Unauthorized(), "no session cookie");
  TokenCheck first_check = TokenCheck::Malformed;
  AccessGrant first_grant;
  for (std::size_t i = 0; i < tokens.size() && i < kMaxTokensTried; ++i) {
    AccessGrant grant;
    TokenCheck check = VerifyToken(tokens[i], keys, now, grant);
    if (check == TokenCheck::Valid && grant.role == TokenRole::Candidat &&
        !candidature_id.empty() && grant.candidature == candidature_id)
      return grant;
    if (i == 0) {
      first_check = check;
      first_grant = grant;
    }
  }
  throw Refusal(first_check, first_grant, candidature_id);
}

void RequireOwnOrigin(const std::string& method, const std::string& origin, const std::string& host,
                      const std::string& public_url) {
  if (IsSafeMethod(method) || origin.empty()) return;
  std::string from = Authority(origin);
  bool own = !from.empty() && (from == Poco::toLower(Poco::trim(host)) ||
                               (!public_url.empty() && from == Authority(public_url)));
  if (!own)
    throw ClientError(ErrorCode::kForbidden, messages::ForeignOrigin(),
                      "cookie request from origin " + origin.substr(0, 200));
}

}  // namespace dossier
