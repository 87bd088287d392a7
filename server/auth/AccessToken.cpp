#include "server/auth/AccessToken.h"

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/HMACEngine.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/SHA2Engine.h>

#include <sstream>
#include <stdexcept>

namespace dossier {
namespace {

class Sha256Engine : public Poco::SHA2Engine {
 public:
  enum { BLOCK_SIZE = 64, DIGEST_SIZE = 32 };
  Sha256Engine() : Poco::SHA2Engine(Poco::SHA2Engine::SHA_256) {}
};

std::string Base64Url(const std::string& bytes) {
  std::ostringstream out;
  Poco::Base64Encoder encoder(out, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
  encoder.rdbuf()->setLineLength(0);
  encoder << bytes;
  encoder.close();
  return out.str();
}

std::optional<std::string> FromBase64Url(const std::string& text) {
  if (text.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") !=
      std::string::npos)
    return std::nullopt;
  try {
    std::istringstream in(text);
    Poco::Base64Decoder decoder(in, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
    std::string bytes((std::istreambuf_iterator<char>(decoder)), std::istreambuf_iterator<char>());
    return bytes;
  } catch (const Poco::Exception&) {
    return std::nullopt;
  }
}

std::string Sign(const std::string& payload, const std::string& secret) {
  Poco::HMACEngine<Sha256Engine> hmac(secret);
  hmac.update(payload);
  const Poco::DigestEngine::Digest& digest = hmac.digest();
  return std::string(digest.begin(), digest.end());
}

bool SameBytes(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
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

std::string MintToken(const AccessGrant& grant, const std::string& secret) {
  if (!grant.sub.empty() && !IsValidSubject(grant.sub))
    throw std::invalid_argument("token sub: 1 to 128 characters of [A-Za-z0-9._@-]");
  Poco::JSON::Object payload;
  payload.set("role", TokenRoleName(grant.role));
  if (!grant.candidature.empty()) payload.set("cand", grant.candidature);
  if (!grant.sub.empty()) payload.set("sub", grant.sub);
  payload.set("exp", static_cast<Poco::Int64>(grant.expires_at));
  std::ostringstream json;
  payload.stringify(json);
  return SignPayload(json.str(), secret);
}

std::string SignPayload(const std::string& payload_json, const std::string& secret) {
  std::string body = Base64Url(payload_json);
  return body + "." + Base64Url(Sign(body, secret));
}

TokenCheck VerifyToken(const std::string& token, const std::string& secret, std::int64_t now,
                       AccessGrant& grant) {
  std::size_t dot = token.find('.');
  if (dot == std::string::npos || token.size() > 4096) return TokenCheck::Malformed;
  std::string body = token.substr(0, dot);
  std::optional<std::string> signature = FromBase64Url(token.substr(dot + 1));
  if (!signature) return TokenCheck::Malformed;
  if (!SameBytes(*signature, Sign(body, secret))) return TokenCheck::BadSignature;
  std::optional<std::string> json = FromBase64Url(body);
  if (!json) return TokenCheck::Malformed;
  try {
    Poco::JSON::Object::Ptr payload =
        Poco::JSON::Parser().parse(*json).extract<Poco::JSON::Object::Ptr>();
    std::optional<TokenRole> role = ParseTokenRole(payload->optValue<std::string>("role", ""));
    if (!role) return TokenCheck::Malformed;
    grant.role = *role;
    grant.candidature = payload->optValue<std::string>("cand", "");
    grant.expires_at = payload->optValue<Poco::Int64>("exp", 0);
    grant.sub.clear();
    if (payload->has("sub")) {
      Poco::Dynamic::Var sub = payload->get("sub");
      if (!sub.isString() || !IsValidSubject(sub.extract<std::string>()))
        return TokenCheck::Malformed;
      grant.sub = sub.extract<std::string>();
    }
  } catch (const Poco::Exception&) {
    return TokenCheck::Malformed;
  }
  if (grant.role == TokenRole::Candidat && grant.candidature.empty()) return TokenCheck::Malformed;
  return grant.expires_at > now ? TokenCheck::Valid : TokenCheck::Expired;
}

}  // namespace dossier
