#include <gtest/gtest.h>

#include <functional>

#include "core/errors/ClientError.h"
#include "server/http/HttpStatusOf.h"
#include "server/http/SessionAuth.h"
#include "server/http/SessionCookie.h"

namespace dossier {
namespace {

using Values = std::vector<std::string>;

const std::string kSecret = "0123456789abcdef0123456789abcdef";
constexpr std::int64_t kNow = 1'700'000'000;

std::string Token(TokenRole role, const std::string& candidature, std::int64_t expires_at) {
  AccessGrant grant;
  grant.role = role;
  grant.candidature = candidature;
  grant.expires_at = expires_at;
  return MintToken(grant, kSecret);
}

// The error code and status of `call`, "" when it does not throw.
std::string Refusal(const std::function<void()>& call, int* status = nullptr) {
  try {
    call();
  } catch (const ClientError& error) {
    if (status) *status = HttpStatusOf(error.code());
    return error.code_name();
  }
  return "";
}

TEST(SessionCookie, ValuesAreFoundAmongOtherCookiesWhateverTheSpacing) {
  EXPECT_EQ(CookieValues({"dossier_candidat=abc"}, "dossier_candidat"), Values{"abc"});
  EXPECT_EQ(CookieValues({"theme=dark;dossier_candidat=a.b ; lang=fr"}, "dossier_candidat"),
            Values{"a.b"});
  EXPECT_EQ(CookieValues({"  dossier_candidat =\t\"q.r\"  ;x=1"}, "dossier_candidat"),
            Values{"q.r"});
  // Names are case-sensitive and whole; a pair without '=' is skipped.
  EXPECT_EQ(CookieValues({"Dossier_Candidat=1; dossier_candidat_old=2; dossier_candidat; a=b"},
                         "dossier_candidat"),
            Values{});
  EXPECT_EQ(CookieValues({""}, "dossier_candidat"), Values{});
  EXPECT_EQ(CookieValues({}, "dossier_candidat"), Values{});
  // A value may hold '=' (only the first one separates).
  EXPECT_EQ(CookieValues({"dossier_candidat=a=b"}, "dossier_candidat"), Values{"a=b"});
}

TEST(SessionCookie, DuplicatedNamesAreAllKeptInTheOrderSent) {
  EXPECT_EQ(CookieValues({"dossier_candidat=first; other=x; dossier_candidat=second",
                          "dossier_candidat=third"},
                         "dossier_candidat"),
            (Values{"first", "second", "third"}));
}

TEST(SessionCookie, SetCookieCarriesTheTokenScopedToTheCandidature) {
  EXPECT_EQ(SessionCookieHeader("t.s", "C1", 3600, false),
            "dossier_candidat=t.s; Path=/api/v1/candidatures/C1; Max-Age=3600; HttpOnly; "
            "SameSite=Strict");
  EXPECT_EQ(SessionCookieHeader("t.s", "C1", 60, true),
            "dossier_candidat=t.s; Path=/api/v1/candidatures/C1; Max-Age=60; HttpOnly; "
            "SameSite=Strict; Secure");
  // A token at its last second never gives a negative Max-Age.
  EXPECT_NE(SessionCookieHeader("t.s", "C1", -5, false).find("; Max-Age=0;"), std::string::npos);
  EXPECT_EQ(ClearedSessionCookieHeader("C1", false),
            "dossier_candidat=; Path=/api/v1/candidatures/C1; Max-Age=0; HttpOnly; "
            "SameSite=Strict");
}

TEST(SessionAuth, TheCandidatTokenOfThePathsCandidatureOpensIt) {
  AccessGrant grant =
      AuthenticateSessionCookie({Token(TokenRole::Candidat, "C1", kNow + 60)}, kSecret, kNow, "C1");
  EXPECT_EQ(grant.role, TokenRole::Candidat);
  EXPECT_EQ(grant.candidature, "C1");
}

TEST(SessionAuth, TheCookieForThisPathIsFoundAmongSameNamedOnes) {
  Values sent = {"garbage", Token(TokenRole::Candidat, "C2", kNow + 60),
                 Token(TokenRole::Candidat, "C1", kNow + 60)};
  EXPECT_EQ(AuthenticateSessionCookie(sent, kSecret, kNow, "C1").candidature, "C1");
}

TEST(SessionAuth, ExpiredForgedStaffAndForeignCookiesAreRefused) {
  int status = 0;
  EXPECT_EQ(Refusal(
                [&] {
                  AuthenticateSessionCookie(
                      {Token(TokenRole::Candidat, "C1", kNow - kClockLeewaySeconds)}, kSecret, kNow,
                      "C1");
                },
                &status),
            "token_expired");
  EXPECT_EQ(status, 401);
  EXPECT_EQ(Refusal([&] {
              AuthenticateSessionCookie({Token(TokenRole::Candidat, "C1", kNow + 60)},
                                        "another secret", kNow, "C1");
            }),
            "unauthorized");
  // A staff token never opens anything through the cookie.
  EXPECT_EQ(Refusal(
                [&] {
                  AuthenticateSessionCookie({Token(TokenRole::Admin, "", kNow + 60)}, kSecret, kNow,
                                            "C1");
                },
                &status),
            "unauthorized");
  EXPECT_EQ(status, 401);
  EXPECT_EQ(Refusal(
                [&] {
                  AuthenticateSessionCookie({Token(TokenRole::Candidat, "C2", kNow + 60)}, kSecret,
                                            kNow, "C1");
                },
                &status),
            "forbidden");
  EXPECT_EQ(status, 403);
  EXPECT_EQ(Refusal([&] { AuthenticateSessionCookie({}, kSecret, kNow, "C1"); }), "unauthorized");
}

TEST(SessionAuth, ChangesFromAnotherOriginAreRefused) {
  auto check = [](const std::string& method, const std::string& origin,
                  const std::string& public_url = "") {
    return Refusal([&] { RequireOwnOrigin(method, origin, "pj.univ.fr:8080", public_url); });
  };
  EXPECT_EQ(check("POST", "http://pj.univ.fr:8080"), "");
  EXPECT_EQ(check("POST", "HTTP://PJ.univ.fr:8080"), "");
  EXPECT_EQ(check("POST", ""), "");  // no Origin: SameSite=Strict is the lock
  EXPECT_EQ(check("GET", "https://evil.example"), "");
  EXPECT_EQ(check("POST", "https://evil.example"), "forbidden");
  EXPECT_EQ(check("DELETE", "http://pj.univ.fr:8081"), "forbidden");
  EXPECT_EQ(check("PUT", "null"), "forbidden");
  EXPECT_EQ(check("POST", "http://pj.univ.fr.evil.example:8080"), "forbidden");
  // Behind a proxy that rewrites Host, the public address is the service's.
  EXPECT_EQ(check("POST", "https://candidatures.univ.fr", "https://candidatures.univ.fr/pj"), "");
}

}  // namespace
}  // namespace dossier
