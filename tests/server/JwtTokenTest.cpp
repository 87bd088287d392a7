// Tokens are standard JWTs (HS256): what MintToken writes, checked here with
// an HMAC computed apart from Poco::JWT; what VerifyToken refuses (other
// algs, missing or wrong claims, expiry past the leeway); the previous key
// of a rotation, accepted for its grace only.
#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/HMACEngine.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/SHA2Engine.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <iterator>
#include <sstream>
#include <vector>

#include "server/auth/AccessToken.h"
#include "server/auth/TokenKeyFiles.h"
#include "server/auth/TokenSecret.h"
#include "store/blobs/BlobStore.h"
#include "tests/support/Oracles.h"

namespace dossier {
namespace {

const std::string kKey = "0123456789abcdef0123456789abcdef0123456789abcdef";
constexpr std::int64_t kNow = 1'700'000'000;

template <Poco::SHA2Engine::ALGORITHM kAlgorithm, int kBlock, int kDigest>
class Sha2 : public Poco::SHA2Engine {
 public:
  enum { BLOCK_SIZE = kBlock, DIGEST_SIZE = kDigest };
  Sha2() : Poco::SHA2Engine(kAlgorithm) {}
};
using Sha256 = Sha2<Poco::SHA2Engine::SHA_256, 64, 32>;
using Sha512 = Sha2<Poco::SHA2Engine::SHA_512, 128, 64>;

std::string Base64Url(const std::string& bytes) {
  std::ostringstream out;
  Poco::Base64Encoder encoder(out, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
  encoder.rdbuf()->setLineLength(0);
  encoder << bytes;
  encoder.close();
  return out.str();
}

std::string FromBase64Url(const std::string& text) {
  std::istringstream in(text);
  Poco::Base64Decoder decoder(in, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
  return std::string((std::istreambuf_iterator<char>(decoder)), std::istreambuf_iterator<char>());
}

template <class Engine>
std::string Hmac(const std::string& data, const std::string& key) {
  Poco::HMACEngine<Engine> hmac(key);
  hmac.update(data);
  const Poco::DigestEngine::Digest& digest = hmac.digest();
  return std::string(digest.begin(), digest.end());
}

std::vector<std::string> Parts(const std::string& jwt) {
  std::vector<std::string> parts;
  std::istringstream in(jwt);
  for (std::string part; std::getline(in, part, '.');) parts.push_back(part);
  if (!jwt.empty() && jwt.back() == '.') parts.push_back("");
  return parts;
}

// A JWT as an outside party writes it, signed apart from Poco::JWT.
template <class Engine = Sha256>
std::string Forged(const std::string& header, const std::string& claims,
                   const std::string& key = kKey) {
  std::string signed_part = Base64Url(header) + "." + Base64Url(claims);
  return signed_part + "." + Base64Url(Hmac<Engine>(signed_part, key));
}

const std::string kHs256 = R"({"alg":"HS256","typ":"JWT"})";

std::string Claims(const std::string& members) {
  return R"({"role":"gestionnaire","sub":"jdupont","iat":1700000000)" + members + "}";
}

TokenCheck Check(const std::string& jwt, const TokenKeys& keys = kKey, std::int64_t now = kNow) {
  AccessGrant grant;
  return VerifyToken(jwt, keys, now, grant);
}

TEST(JwtToken, MintedTokensAreStandardHs256Jwts) {
  AccessGrant grant{TokenRole::Candidat, "L1-42", kNow + 600, "camille"};
  std::string jwt = MintToken(grant, kKey, kNow);
  std::vector<std::string> parts = Parts(jwt);
  ASSERT_EQ(parts.size(), 3u) << jwt;
  for (const std::string& part : parts)
    EXPECT_EQ(
        part.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
        std::string::npos)
        << part;
  Poco::JSON::Object::Ptr header =
      Poco::JSON::Parser().parse(FromBase64Url(parts[0])).extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(header->size(), 2u);
  EXPECT_EQ(header->getValue<std::string>("alg"), "HS256");
  EXPECT_EQ(header->getValue<std::string>("typ"), "JWT");
  Poco::JSON::Object::Ptr claims =
      Poco::JSON::Parser().parse(FromBase64Url(parts[1])).extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(claims->getValue<std::string>("role"), "candidat");
  EXPECT_EQ(claims->getValue<std::string>("cand"), "L1-42");
  EXPECT_EQ(claims->getValue<std::string>("sub"), "camille");
  EXPECT_EQ(claims->getValue<Poco::Int64>("exp"), kNow + 600);
  EXPECT_EQ(claims->getValue<Poco::Int64>("iat"), kNow);
  // The signature is HMAC-SHA256 of "header.claims" under the key.
  EXPECT_EQ(FromBase64Url(parts[2]), Hmac<Sha256>(parts[0] + "." + parts[1], kKey));
}

TEST(JwtToken, ATokenWrittenElsewhereWithTheKeyIsAccepted) {
  AccessGrant grant;
  ASSERT_EQ(VerifyToken(Forged(kHs256, Claims(R"(,"exp":1700000600)")), kKey, kNow, grant),
            TokenCheck::Valid);
  EXPECT_EQ(grant.role, TokenRole::Gestionnaire);
  EXPECT_EQ(grant.sub, "jdupont");
  EXPECT_EQ(grant.expires_at, kNow + 600);
  // Without typ, and with the claims in another order, too.
  ASSERT_EQ(VerifyToken(
                Forged(R"({"alg":"HS256"})", R"({"exp":1700000600,"cand":"C9","role":"candidat"})"),
                kKey, kNow, grant),
            TokenCheck::Valid);
  EXPECT_EQ(grant.candidature, "C9");
  EXPECT_EQ(grant.sub, "");
}

TEST(JwtToken, OnlyHs256IsAccepted) {
  std::string claims = Claims(R"(,"exp":1700000600)");
  std::string body = Base64Url(claims);
  EXPECT_EQ(Check(Base64Url(R"({"alg":"none","typ":"JWT"})") + "." + body + "."),
            TokenCheck::BadSignature);
  EXPECT_EQ(Check(Base64Url(R"({"alg":"none"})") + "." + body + ".x"), TokenCheck::BadSignature);
  // Properly signed with HMAC-SHA512 under the same key: the alg is the reason.
  EXPECT_EQ(Check(Forged<Sha512>(R"({"alg":"HS512","typ":"JWT"})", claims)),
            TokenCheck::BadSignature);
  // An RS256 header over an HMAC signature: no public-key confusion.
  EXPECT_EQ(Check(Forged(R"({"alg":"RS256","typ":"JWT"})", claims)), TokenCheck::BadSignature);
  EXPECT_EQ(Check(Forged(kHs256, claims)), TokenCheck::Valid);
  EXPECT_EQ(Check(Forged(kHs256, claims, "another key, 0123456789abcdef0123")),
            TokenCheck::BadSignature);
}

TEST(JwtToken, WhatIsNotAJwtIsMalformed) {
  EXPECT_EQ(Check(""), TokenCheck::Malformed);
  EXPECT_EQ(Check("not-a-token"), TokenCheck::Malformed);
  EXPECT_EQ(Check("a.b"), TokenCheck::Malformed);
  EXPECT_EQ(Check(Base64Url("not json") + "." + Base64Url("{}") + ".x"), TokenCheck::Malformed);
  EXPECT_EQ(Check(Forged(kHs256, Claims(R"(,"exp":1700000600)")) + std::string(4096, 'A')),
            TokenCheck::Malformed);
}

TEST(JwtToken, WrongClaimsAreMalformed) {
  for (const std::string& claims : std::vector<std::string>{
           Claims(""), Claims(R"(,"exp":"1700000600")"), Claims(R"(,"exp":null)"),
           R"({"role":"directeur","exp":1700000600})", R"({"role":["admin"],"exp":1700000600})",
           R"({"exp":1700000600})", R"({"role":"candidat","exp":1700000600})",
           R"({"role":"candidat","cand":"","exp":1700000600})",
           R"({"role":"candidat","cand":42,"exp":1700000600})",
           R"({"role":"admin","sub":"j dupont","exp":1700000600})",
           R"({"role":"admin","sub":"","exp":1700000600})",
           R"({"role":"admin","sub":7,"exp":1700000600})"}) {
    EXPECT_EQ(Check(Forged(kHs256, claims)), TokenCheck::Malformed) << claims;
  }
}

TEST(JwtToken, ExpiryAllowsASmallClockLeeway) {
  std::string jwt = MintToken(AccessGrant{TokenRole::Admin, "", kNow}, kKey, kNow - 60);
  EXPECT_EQ(Check(jwt, kKey, kNow - 1), TokenCheck::Valid);
  EXPECT_EQ(Check(jwt, kKey, kNow + 10), TokenCheck::Valid);
  EXPECT_EQ(Check(jwt, kKey, kNow + kClockLeewaySeconds - 1), TokenCheck::Valid);
  EXPECT_EQ(Check(jwt, kKey, kNow + kClockLeewaySeconds), TokenCheck::Expired);
  EXPECT_EQ(Check(jwt, kKey, kNow + 3600), TokenCheck::Expired);
  EXPECT_LE(kClockLeewaySeconds, 120);
}

TEST(JwtToken, ThePreviousKeyVerifiesForItsGraceOnly) {
  const std::string old_key = "old-key-0123456789abcdef0123456789abcdef";
  const std::string new_key = "new-key-0123456789abcdef0123456789abcdef";
  TokenKeys keys(new_key);
  keys.previous = old_key;
  keys.retired_at = kNow;
  AccessGrant long_lived{TokenRole::Gestionnaire, "", kNow + 30 * 24 * 3600};
  std::string old_token = MintToken(long_lived, old_key, kNow - 10);
  std::string new_token = MintToken(long_lived, new_key, kNow);
  EXPECT_EQ(Check(old_token, keys, kNow + 1), TokenCheck::Valid);
  EXPECT_EQ(Check(old_token, keys, kNow + kPreviousKeyGraceSeconds - 1), TokenCheck::Valid);
  EXPECT_EQ(Check(old_token, keys, kNow + kPreviousKeyGraceSeconds), TokenCheck::BadSignature);
  EXPECT_EQ(Check(new_token, keys, kNow + kPreviousKeyGraceSeconds + 1), TokenCheck::Valid);
  // Without the previous key, or with a random one: refused.
  EXPECT_EQ(Check(old_token, new_key, kNow + 1), TokenCheck::BadSignature);
  EXPECT_EQ(Check(MintToken(long_lived, RandomHex(32), kNow), keys, kNow + 1),
            TokenCheck::BadSignature);
  EXPECT_EQ(kPreviousKeyGraceSeconds, 7 * 24 * 3600);
}

TEST(JwtToken, RotatingKeepsTheRetiredKeyWithItsTime) {
  testing::TempDir data;
  std::string first = LoadOrCreateTokenSecret(data.path());
  TokenKeys before = LoadTokenKeys(data.path());
  EXPECT_EQ(before.current, first);
  EXPECT_FALSE(before.previous);
  TokenKeys rotated = RotateTokenKey(data.path(), kNow);
  TokenKeys loaded = LoadTokenKeys(data.path());
  EXPECT_NE(loaded.current, first);
  EXPECT_GE(loaded.current.size(), 32u);
  EXPECT_EQ(loaded.current, rotated.current);
  ASSERT_TRUE(loaded.previous);
  EXPECT_EQ(*loaded.previous, first);
  EXPECT_EQ(loaded.retired_at, kNow);
  struct stat info {};
  ASSERT_EQ(stat((data.path() + "/secret.previous").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  ASSERT_EQ(stat((data.path() + "/secret").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  // A second rotation retires the second key; the first is gone.
  RotateTokenKey(data.path(), kNow + 100);
  TokenKeys again = LoadTokenKeys(data.path());
  EXPECT_EQ(*again.previous, loaded.current);
  EXPECT_EQ(again.retired_at, kNow + 100);
}

}  // namespace
}  // namespace dossier
