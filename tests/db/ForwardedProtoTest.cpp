// The session cookie behind a reverse proxy that ends TLS: Secure when a
// trusted proxy says the client came over https, never on a client's word.
#include <gtest/gtest.h>

#include "server/auth/AccessToken.h"
#include "tests/db/ServedApi.h"
#include "tests/db/TestDatabase.h"

namespace dossier {
namespace {

const char kOnePiece[] =
    R"({"formation": "Licence Droit", "ine": "1234567890V",
        "pieces": [{"code": "cv", "mandatory": true}]})";

std::string OpenedCookie(test::ServedApi& api, const test::Headers& headers) {
  test::Reply opened =
      api.Send("POST", "/api/v1/candidatures/C1/session", api.Candidat("C1"), "", headers);
  EXPECT_EQ(opened.status, 204) << opened;
  EXPECT_EQ(opened.Header("X-Request-Id").empty(), false);
  return opened.Header("Set-Cookie");
}

TEST(CandidatePageApiBehindProxy, ForwardedHttpsMakesTheCookieSecureOnlyFromATrustedProxy) {
  ServerSettings settings;
  settings.upload.min_free_bytes = 0;
  settings.gate.trusted_proxies = TrustedProxies::Parse("127.0.0.1,::1");
  test::ServedApi api(settings);
  ASSERT_EQ(api.Send("PUT", "/api/v1/candidatures/C1", api.Admin(), kOnePiece).status, 201);
  EXPECT_NE(OpenedCookie(api, {{"X-Forwarded-Proto", "https"}}).find("; Secure"),
            std::string::npos);
  EXPECT_EQ(OpenedCookie(api, {{"X-Forwarded-Proto", "http"}}).find("Secure"), std::string::npos);
  EXPECT_EQ(OpenedCookie(api, {}).find("Secure"), std::string::npos);
}

TEST(CandidatePageApiBehindProxy, ForwardedHttpsFromAnUntrustedPeerIsIgnored) {
  ServerSettings settings;
  settings.upload.min_free_bytes = 0;
  settings.gate.trusted_proxies = TrustedProxies::Parse("10.0.0.0/8");
  test::ServedApi api(settings);
  ASSERT_EQ(api.Send("PUT", "/api/v1/candidatures/C1", api.Admin(), kOnePiece).status, 201);
  EXPECT_EQ(OpenedCookie(api, {{"X-Forwarded-Proto", "https"}}).find("Secure"), std::string::npos);
}

}  // namespace
}  // namespace dossier
