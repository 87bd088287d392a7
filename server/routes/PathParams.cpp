#include "server/routes/PathParams.h"

#include "core/errors/ClientError.h"
#include "core/messages/ApiMessages.h"
#include "server/http/RequestContext.h"
#include "server/http/ResourceId.h"

namespace dossier {

std::string CandidatureIdParam(const RequestContext& context) {
  const std::string& id = context.Param("id");
  if (!IsResourceId(id)) throw ClientError(ErrorCode::kNotFound, messages::CandidatureNotFound());
  return id;
}

std::string PieceCodeParam(const RequestContext& context) {
  const std::string& code = context.Param("code");
  if (!IsResourceId(code)) throw ClientError(ErrorCode::kNotFound, messages::PieceNotRequired());
  return code;
}

}  // namespace dossier
