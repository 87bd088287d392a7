// The token's holder (`sub`): minted, read back, checked, and the actor the
// history names.
#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <gtest/gtest.h>

#include <iterator>
#include <sstream>
#include <stdexcept>

#include "server/auth/AccessToken.h"

namespace dossier {
namespace {

const std::string kSecret = "0123456789abcdef0123456789abcdef";
constexpr std::int64_t kNow = 1'700'000'000;

// A token (JWT, HS256) properly signed around any claims: what only the secret's
// holder could forge, to see that the payload itself is checked.
std::string SignedPayload(const std::string& json) {
  return SignPayload(json, kSecret);
}

// The claims, the JWT's middle part.
std::string Payload(const std::string& token) {
  std::size_t start = token.find('.') + 1;
  std::istringstream in(token.substr(start, token.rfind('.') - start));
  Poco::Base64Decoder decoder(in, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
  return std::string((std::istreambuf_iterator<char>(decoder)), std::istreambuf_iterator<char>());
}

AccessGrant Grant(TokenRole role, const std::string& sub, const std::string& candidature = "") {
  AccessGrant grant;
  grant.role = role;
  grant.candidature = candidature;
  grant.expires_at = kNow + 60;
  grant.sub = sub;
  return grant;
}

TEST(AccessTokenSub, TheSubComesBackFromTheToken) {
  AccessGrant read;
  ASSERT_EQ(VerifyToken(MintToken(Grant(TokenRole::Gestionnaire, "jdupont"), kSecret), kSecret,
                        kNow, read),
            TokenCheck::Valid);
  EXPECT_EQ(read.role, TokenRole::Gestionnaire);
  EXPECT_EQ(read.sub, "jdupont");
  std::string longest(128, 'a');
  ASSERT_EQ(VerifyToken(MintToken(Grant(TokenRole::Admin, "j.dupont_2@univ-x.fr"), kSecret),
                        kSecret, kNow, read),
            TokenCheck::Valid);
  EXPECT_EQ(read.sub, "j.dupont_2@univ-x.fr");
  ASSERT_EQ(VerifyToken(MintToken(Grant(TokenRole::Admin, longest), kSecret), kSecret, kNow, read),
            TokenCheck::Valid);
  EXPECT_EQ(read.sub, longest);
}

TEST(AccessTokenSub, ATokenWithoutSubReadsNoSub) {
  AccessGrant read;
  read.sub = "left over";
  ASSERT_EQ(
      VerifyToken(MintToken(Grant(TokenRole::Gestionnaire, ""), kSecret), kSecret, kNow, read),
      TokenCheck::Valid);
  EXPECT_EQ(read.sub, "");
  // The payload names no holder at all, and names the one it has.
  EXPECT_EQ(Payload(MintToken(Grant(TokenRole::Gestionnaire, ""), kSecret)).find("sub"),
            std::string::npos);
  EXPECT_NE(Payload(MintToken(Grant(TokenRole::Gestionnaire, "jdupont"), kSecret))
                .find(R"("sub":"jdupont")"),
            std::string::npos);
}

TEST(AccessTokenSub, AMalformedSubMakesTheTokenMalformed) {
  AccessGrant read;
  for (const std::string& sub :
       {std::string(R"("")"), std::string(R"("j dupont")"), std::string(R"("jdupont<script>")"),
        std::string(R"("jérôme")"), "\"" + std::string(129, 'a') + "\"", std::string("42"),
        std::string("null"), std::string(R"(["jdupont"])")}) {
    std::string token =
        SignedPayload(R"({"exp":1700000060,"role":"gestionnaire","sub":)" + sub + "}");
    EXPECT_EQ(VerifyToken(token, kSecret, kNow, read), TokenCheck::Malformed) << sub;
  }
  // The same payload with a good sub is valid: the signature is not the reason.
  EXPECT_EQ(VerifyToken(SignedPayload(R"({"exp":1700000060,"role":"gestionnaire","sub":"jd"})"),
                        kSecret, kNow, read),
            TokenCheck::Valid);
  EXPECT_EQ(read.sub, "jd");
}

TEST(AccessTokenSub, AMalformedSubIsNeverMinted) {
  EXPECT_THROW(MintToken(Grant(TokenRole::Gestionnaire, "j dupont"), kSecret),
               std::invalid_argument);
  EXPECT_THROW(MintToken(Grant(TokenRole::Admin, std::string(129, 'a')), kSecret),
               std::invalid_argument);
}

TEST(AccessTokenSub, ValidSubjectsAreShortAndPlain) {
  EXPECT_TRUE(IsValidSubject("jdupont"));
  EXPECT_TRUE(IsValidSubject("Jean.Dupont-2_x@univ.fr"));
  EXPECT_FALSE(IsValidSubject(""));
  EXPECT_FALSE(IsValidSubject("jean dupont"));
  EXPECT_FALSE(IsValidSubject("jean/dupont"));
  EXPECT_FALSE(IsValidSubject("jean\ndupont"));
  EXPECT_TRUE(IsValidSubject(std::string(128, 'x')));
  EXPECT_FALSE(IsValidSubject(std::string(129, 'x')));
}

// The history's `by`: the holder, else the role; a candidate is "candidat".
TEST(AccessTokenSub, TheActorIsTheSubOrTheRole) {
  EXPECT_EQ(Grant(TokenRole::Gestionnaire, "jdupont").Actor(), "jdupont");
  EXPECT_EQ(Grant(TokenRole::Gestionnaire, "").Actor(), "gestionnaire");
  EXPECT_EQ(Grant(TokenRole::Admin, "").Actor(), "admin");
  EXPECT_EQ(Grant(TokenRole::Admin, "secretariat").Actor(), "secretariat");
  EXPECT_EQ(Grant(TokenRole::Candidat, "", "C1").Actor(), "candidat");
  EXPECT_EQ(Grant(TokenRole::Candidat, "camille", "C1").Actor(), "candidat");
}

}  // namespace
}  // namespace dossier
