#include "core/errors/ClientError.h"
#include "server/http/RequestContext.h"
#include "server/routes/RouteHandlers.h"

namespace dossier {

// Not written yet: answered as an unknown route.
void HandleDossiersZip(RequestContext&) {
  throw ClientError(ErrorCode::kNotFound, "Cette adresse n'existe pas.");
}

}  // namespace dossier
