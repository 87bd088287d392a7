#include "server/http/RequestContext.h"
#include "server/http/ServiceResources.h"
#include "server/routes/CandidatureView.h"
#include "server/routes/PathParams.h"
#include "server/routes/RouteHandlers.h"
#include "store/db/ConnectionPool.h"

namespace dossier {

void HandleGetCandidature(RequestContext& context) {
  std::string id = CandidatureIdParam(context);
  PooledConnection connection = AcquireConnection(context.service());
  context.SendJson(200, CandidatureJson(*connection, id, context.service().settings.upload));
}

}  // namespace dossier
