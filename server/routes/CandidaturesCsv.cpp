#include <Poco/Net/HTTPServerResponse.h>

#include "server/http/RequestContext.h"
#include "server/http/ServiceResources.h"
#include "server/routes/RouteHandlers.h"
#include "server/worklist/WorkListCsv.h"
#include "server/worklist/WorkListRequest.h"
#include "store/db/ConnectionPool.h"

namespace dossier {

// The work list as a spreadsheet: the same filters and order, every match
// (limit and offset ignored, capped), built whole before the first byte so
// that a failed query is still answered as an error.
void HandleCandidaturesCsv(RequestContext& context) {
  WorkListFilter filter = WorkListFilterOf(context);
  std::vector<std::string> type_order;
  for (const PieceType& type : context.service().policy.types())
    type_order.push_back(type.rules.code);
  std::string csv;
  {
    PooledConnection connection = AcquireConnection(context.service());
    csv = WorkListCsv(*connection, filter, type_order);
  }
  context.response().set("Content-Disposition", "attachment; filename=\"candidatures.csv\"");
  context.response().set("Cache-Control", "no-store");
  context.SendText(200, "text/csv; charset=utf-8", csv);
}

}  // namespace dossier
