#include "server/http/SessionCookie.h"

#include <algorithm>

namespace dossier {
namespace {

std::string Trimmed(const std::string& text, std::size_t begin, std::size_t end) {
  while (begin < end && (text[begin] == ' ' || text[begin] == '\t')) ++begin;
  while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  return text.substr(begin, end - begin);
}

// RFC 6265 allows a value in double quotes; the quotes are not part of it.
std::string Unquoted(std::string value) {
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
    return value.substr(1, value.size() - 2);
  return value;
}

void CollectFrom(const std::string& header, const std::string& name,
                 std::vector<std::string>& values) {
  std::size_t start = 0;
  while (start <= header.size()) {
    std::size_t end = std::min(header.find(';', start), header.size());
    std::size_t equals = header.find('=', start);
    if (equals < end && Trimmed(header, start, equals) == name)
      values.push_back(Unquoted(Trimmed(header, equals + 1, end)));
    start = end + 1;
  }
}

std::string Attributes(const std::string& candidature_id, std::int64_t max_age, bool secure) {
  return "; Path=" + SessionCookiePath(candidature_id) +
         "; Max-Age=" + std::to_string(std::max<std::int64_t>(max_age, 0)) +
         "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
}

}  // namespace

std::string SessionCookiePath(const std::string& candidature_id) {
  return "/api/v1/candidatures/" + candidature_id;
}

std::vector<std::string> CookieValues(const std::vector<std::string>& cookie_headers,
                                      const std::string& name) {
  std::vector<std::string> values;
  for (const std::string& header : cookie_headers) CollectFrom(header, name, values);
  return values;
}

std::string SessionCookieHeader(const std::string& token, const std::string& candidature_id,
                                std::int64_t max_age_seconds, bool secure) {
  return std::string(kSessionCookieName) + "=" + token +
         Attributes(candidature_id, max_age_seconds, secure);
}

std::string ClearedSessionCookieHeader(const std::string& candidature_id, bool secure) {
  return std::string(kSessionCookieName) + "=" + Attributes(candidature_id, 0, secure);
}

}  // namespace dossier
