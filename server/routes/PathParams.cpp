#include "server/routes/PathParams.h"

#include "server/http/ApiMessages.h"
#include "server/http/HttpError.h"
#include "server/http/RequestContext.h"
#include "server/http/ResourceId.h"

namespace dossier {

std::string CandidatureIdParam(const RequestContext& context) {
  const std::string& id = context.Param("id");
  if (!IsResourceId(id)) throw HttpError(404, "not_found", messages::CandidatureNotFound());
  return id;
}

std::string PieceCodeParam(const RequestContext& context) {
  const std::string& code = context.Param("code");
  if (!IsResourceId(code)) throw HttpError(404, "not_found", messages::PieceNotRequired());
  return code;
}

}  // namespace dossier
