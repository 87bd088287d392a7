#include "server/http/BearerAuth.h"

#include <Poco/String.h>

#include "core/errors/ClientError.h"
#include "core/messages/ApiMessages.h"

namespace dossier {
namespace {

ClientError Unauthorized() {
  return ClientError(ErrorCode::kUnauthorized, messages::Unauthorized());
}

}  // namespace

std::string BearerToken(const std::string& header) {
  const std::string scheme = "bearer ";
  if (header.size() <= scheme.size() ||
      Poco::icompare(header.substr(0, scheme.size()), scheme) != 0)
    throw Unauthorized();
  return Poco::trim(header.substr(scheme.size()));
}

AccessGrant Authenticate(const std::string& authorization_header, const TokenKeys& keys,
                         std::int64_t now) {
  std::string token = BearerToken(authorization_header);
  AccessGrant grant;
  switch (VerifyToken(token, keys, now, grant)) {
    case TokenCheck::Valid:
      return grant;
    case TokenCheck::Expired:
      throw ClientError(ErrorCode::kTokenExpired, messages::TokenExpired());
    case TokenCheck::Malformed:
    case TokenCheck::BadSignature:
      break;
  }
  throw Unauthorized();
}

void Authorize(const AccessGrant& grant, const RouteAccess& access,
               const std::string& candidature_id) {
  if (access.open) return;
  bool role_admitted = (grant.role == TokenRole::Candidat && access.candidat) ||
                       (grant.role == TokenRole::Gestionnaire && access.gestionnaire) ||
                       (grant.role == TokenRole::Admin && access.admin);
  if (!role_admitted) throw ClientError(ErrorCode::kForbidden, messages::ForbiddenRole());
  // A candidat never reaches a route without a candidature of its own.
  if (grant.role == TokenRole::Candidat &&
      (candidature_id.empty() || grant.candidature != candidature_id))
    throw ClientError(ErrorCode::kForbidden, messages::ForbiddenCandidature());
}

}  // namespace dossier
