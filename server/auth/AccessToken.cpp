#include "server/auth/AccessToken.h"

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/HMACEngine.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JWT/JWTException.h>
#include <Poco/JWT/Signer.h>
#include <Poco/JWT/Token.h>
#include <Poco/SHA2Engine.h>

#include <ctime>
#include <iterator>
#include <sstream>
#include <stdexcept>

namespace dossier {
namespace {

constexpr std::size_t kMaxTokenSize = 4096;

std::string Signed(Poco::JWT::Token& token, const std::string& key) {
  token.setType("JWT");
  return Poco::JWT::Signer(key).sign(token, Poco::JWT::Signer::ALGO_HS256);
}

class Sha256Engine : public Poco::SHA2Engine {
 public:
  enum { BLOCK_SIZE = 64, DIGEST_SIZE = 32 };
  Sha256Engine() : Poco::SHA2Engine(Poco::SHA2Engine::SHA_256) {}
};

// Poco::JWT compares signatures with ==, which stops at the first byte that
// differs: this constant-time check runs first, so that only a right
// signature ever reaches Poco's comparison. Throws Poco::Exception on a
// signature that is not base64url.
bool HasHs256Signature(const std::string& jwt, const std::string& key) {
  std::size_t last_dot = jwt.rfind('.');
  if (last_dot == std::string::npos) return false;
  std::istringstream in(jwt.substr(last_dot + 1));
  Poco::Base64Decoder decoder(in, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
  std::string given((std::istreambuf_iterator<char>(decoder)), std::istreambuf_iterator<char>());
  Poco::HMACEngine<Sha256Engine> hmac(key);
  hmac.update(jwt.data(), last_dot);
  const Poco::DigestEngine::Digest& expected = hmac.digest();
  if (given.size() != expected.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < given.size(); ++i)
    diff |= static_cast<unsigned char>(given[i]) ^ expected[i];
  return diff == 0;
}

// The token's claims when `key` signed it with HS256; Poco::JWT refuses any
// other alg (none included) before it looks at the signature.
enum class Signature { Good, Bad, Unreadable };
Signature VerifyWith(const std::string& jwt, const std::string& key, Poco::JWT::Token& token) {
  try {
    Poco::JWT::Token parsed(jwt);  // throws on what is not a JWT: Malformed before BadSignature
    if (!HasHs256Signature(jwt, key)) return Signature::Bad;
    token = Poco::JWT::Signer(key).verify(jwt);
    return Signature::Good;
  } catch (const Poco::JWT::SignatureVerificationException&) {
    return Signature::Bad;
  } catch (const Poco::JWT::UnallowedAlgorithmException&) {
    return Signature::Bad;
  } catch (const Poco::Exception&) {
    return Signature::Unreadable;
  }
}

std::optional<std::string> StringClaim(const Poco::JSON::Object& claims, const std::string& name) {
  if (!claims.has(name)) return std::string();
  Poco::Dynamic::Var value = claims.get(name);
  if (!value.isString()) return std::nullopt;
  return value.extract<std::string>();
}

// The claims of a well-signed token as a grant; Malformed when one is wrong.
TokenCheck ReadClaims(const Poco::JSON::Object& claims, AccessGrant& grant) {
  std::optional<std::string> role_name = StringClaim(claims, "role");
  if (!role_name) return TokenCheck::Malformed;
  std::optional<TokenRole> role = ParseTokenRole(*role_name);
  std::optional<std::string> cand = StringClaim(claims, "cand");
  std::optional<std::string> sub = StringClaim(claims, "sub");
  if (!role || !cand || !sub || !claims.has("exp")) return TokenCheck::Malformed;
  Poco::Dynamic::Var exp = claims.get("exp");
  if (!exp.isNumeric()) return TokenCheck::Malformed;
  if (claims.has("sub") && !IsValidSubject(*sub)) return TokenCheck::Malformed;
  if (*role == TokenRole::Candidat && cand->empty()) return TokenCheck::Malformed;
  grant.role = *role;
  grant.candidature = *cand;
  grant.sub = *sub;
  grant.expires_at = static_cast<std::int64_t>(exp.convert<double>());
  return TokenCheck::Valid;
}

}  // namespace

const char* TokenRoleName(TokenRole role) {
  switch (role) {
    case TokenRole::Candidat:
      return "candidat";
    case TokenRole::Gestionnaire:
      return "gestionnaire";
    case TokenRole::Admin:
      return "admin";
  }
  return "candidat";
}

std::optional<TokenRole> ParseTokenRole(const std::string& name) {
  if (name == "candidat") return TokenRole::Candidat;
  if (name == "gestionnaire") return TokenRole::Gestionnaire;
  if (name == "admin") return TokenRole::Admin;
  return std::nullopt;
}

bool AccessGrant::CanRead(const std::string& id) const {
  return role != TokenRole::Candidat || candidature == id;
}

std::string AccessGrant::Actor() const {
  if (role == TokenRole::Candidat) return TokenRoleName(role);
  return sub.empty() ? TokenRoleName(role) : sub;
}

bool IsValidSubject(const std::string& sub) {
  if (sub.empty() || sub.size() > 128) return false;
  for (char c : sub) {
    bool allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                   c == '.' || c == '_' || c == '@' || c == '-';
    if (!allowed) return false;
  }
  return true;
}

std::string MintToken(const AccessGrant& grant, const std::string& key, std::int64_t issued_at) {
  if (!grant.sub.empty() && !IsValidSubject(grant.sub))
    throw std::invalid_argument("token sub: 1 to 128 characters of [A-Za-z0-9._@-]");
  Poco::JWT::Token token;
  Poco::JSON::Object& claims = token.payload();
  claims.set("role", std::string(TokenRoleName(grant.role)));
  if (!grant.candidature.empty()) claims.set("cand", grant.candidature);
  if (!grant.sub.empty()) claims.set("sub", grant.sub);
  claims.set("exp", static_cast<Poco::Int64>(grant.expires_at));
  claims.set("iat", static_cast<Poco::Int64>(issued_at));
  return Signed(token, key);
}

std::string MintToken(const AccessGrant& grant, const std::string& key) {
  return MintToken(grant, key, static_cast<std::int64_t>(std::time(nullptr)));
}

std::string SignPayload(const std::string& claims_json, const std::string& key) {
  Poco::JWT::Token token;
  token.payload() = *Poco::JSON::Parser().parse(claims_json).extract<Poco::JSON::Object::Ptr>();
  return Signed(token, key);
}

TokenCheck VerifyToken(const std::string& jwt, const TokenKeys& keys, std::int64_t now,
                       AccessGrant& grant) {
  if (jwt.size() > kMaxTokenSize) return TokenCheck::Malformed;
  Poco::JWT::Token token;
  Signature signature = VerifyWith(jwt, keys.current, token);
  if (signature == Signature::Bad && keys.PreviousAcceptedAt(now))
    signature = VerifyWith(jwt, *keys.previous, token);
  if (signature == Signature::Unreadable) return TokenCheck::Malformed;
  if (signature == Signature::Bad) return TokenCheck::BadSignature;
  TokenCheck claims = ReadClaims(token.payload(), grant);
  if (claims != TokenCheck::Valid) return claims;
  return now < grant.expires_at + kClockLeewaySeconds ? TokenCheck::Valid : TokenCheck::Expired;
}

}  // namespace dossier
