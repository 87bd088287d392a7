#include <gtest/gtest.h>

#include <functional>

#include "core/errors/ClientError.h"
#include "server/http/BearerAuth.h"
#include "server/http/HttpStatusOf.h"

namespace dossier {
namespace {

const std::string kSecret = "0123456789abcdef0123456789abcdef";
constexpr std::int64_t kNow = 1'700'000'000;

std::string Token(TokenRole role, const std::string& candidature, std::int64_t expires_at) {
  AccessGrant grant;
  grant.role = role;
  grant.candidature = candidature;
  grant.expires_at = expires_at;
  return MintToken(grant, kSecret);
}

std::string CodeOf(const std::function<void()>& call, int* status) {
  try {
    call();
  } catch (const ClientError& error) {
    *status = HttpStatusOf(error.code());
    return error.code_name();
  }
  *status = 0;
  return "";
}

TEST(BearerAuth, ValidTokenGivesItsGrant) {
  AccessGrant grant =
      Authenticate("Bearer " + Token(TokenRole::Candidat, "C1", kNow + 60), kSecret, kNow);
  EXPECT_EQ(grant.role, TokenRole::Candidat);
  EXPECT_EQ(grant.candidature, "C1");
  // The scheme is case-insensitive.
  EXPECT_EQ(Authenticate("bearer " + Token(TokenRole::Admin, "", kNow + 60), kSecret, kNow).role,
            TokenRole::Admin);
}

TEST(BearerAuth, MissingMalformedForgedAndExpiredTokensAre401) {
  int status = 0;
  std::string good = Token(TokenRole::Admin, "", kNow + 60);
  EXPECT_EQ(CodeOf([&] { Authenticate("", kSecret, kNow); }, &status), "unauthorized");
  EXPECT_EQ(status, 401);
  EXPECT_EQ(CodeOf([&] { Authenticate("Basic abc", kSecret, kNow); }, &status), "unauthorized");
  EXPECT_EQ(CodeOf([&] { Authenticate("Bearer x.y", kSecret, kNow); }, &status), "unauthorized");
  EXPECT_EQ(CodeOf([&] { Authenticate("Bearer " + good, "another secret", kNow); }, &status),
            "unauthorized");
  EXPECT_EQ(CodeOf(
                [&] {
                  Authenticate("Bearer " + Token(TokenRole::Admin, "", kNow - kClockLeewaySeconds),
                               kSecret, kNow);
                },
                &status),
            "token_expired");
  EXPECT_EQ(status, 401);
}

TEST(BearerAuth, CandidatOnlyOpensItsOwnCandidatureAndRolesAreChecked) {
  AccessGrant candidat{TokenRole::Candidat, "C1", kNow + 60};
  AccessGrant gestionnaire{TokenRole::Gestionnaire, "", kNow + 60};
  AccessGrant admin{TokenRole::Admin, "", kNow + 60};
  int status = 0;
  EXPECT_EQ(CodeOf([&] { Authorize(candidat, RouteAccess::AnyRole(), "C1"); }, &status), "");
  EXPECT_EQ(CodeOf([&] { Authorize(candidat, RouteAccess::AnyRole(), "C2"); }, &status),
            "forbidden");
  EXPECT_EQ(status, 403);
  EXPECT_EQ(CodeOf([&] { Authorize(candidat, RouteAccess::Staff(), ""); }, &status), "forbidden");
  EXPECT_EQ(CodeOf([&] { Authorize(gestionnaire, RouteAccess::AdminOnly(), "C1"); }, &status),
            "forbidden");
  EXPECT_EQ(CodeOf([&] { Authorize(gestionnaire, RouteAccess::CandidatOrAdmin(), "C1"); }, &status),
            "forbidden");
  EXPECT_EQ(CodeOf([&] { Authorize(gestionnaire, RouteAccess::Staff(), "C9"); }, &status), "");
  EXPECT_EQ(CodeOf([&] { Authorize(admin, RouteAccess::AdminOnly(), "C9"); }, &status), "");
  EXPECT_EQ(CodeOf([&] { Authorize(admin, RouteAccess::CandidatOrAdmin(), "C9"); }, &status), "");
}

}  // namespace
}  // namespace dossier
