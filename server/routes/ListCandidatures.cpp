#include <cppconn/resultset.h>

#include "server/http/ApiMessages.h"
#include "server/http/HttpError.h"
#include "server/http/JsonText.h"
#include "server/http/RequestContext.h"
#include "server/http/ServiceResources.h"
#include "server/routes/BoundStatement.h"
#include "server/routes/RouteHandlers.h"
#include "store/db/ConnectionPool.h"
#include "store/workflow/Statuses.h"

namespace dossier {
namespace {

// The gestionnaire's work list: oldest change first, so that dossiers
// waiting longest come up first. Bounded: the page asks again by status.
constexpr int kListLimit = 1000;

std::string StatusFilter(const RequestContext& context) {
  std::string status = context.Query("status");
  if (!status.empty() && status != "AT" && status != "RE" && status != "IN" && status != "CO")
    throw HttpError(400, "invalid_status", messages::InvalidStatusFilter(status));
  return status;
}

}  // namespace

void HandleListCandidatures(RequestContext& context) {
  std::string status = StatusFilter(context);
  PooledConnection connection = AcquireConnection(context.service());
  auto rows = BoundStatement(*connection,
                             "SELECT c.id, c.formation, c.status, "
                             "DATE_FORMAT(c.updated_at, '%Y-%m-%dT%H:%i:%sZ'), "
                             "COALESCE(SUM(p.status = 'TR'), 0) "
                             "FROM candidature c LEFT JOIN pj_cand p ON p.candidature_id = c.id "
                             "WHERE (? = '' OR c.status = ?) "
                             "GROUP BY c.id, c.formation, c.status, c.updated_at "
                             "ORDER BY c.updated_at, c.id LIMIT ?")
                  .Bind(status)
                  .Bind(status)
                  .Bind(kListLimit)
                  .Query();
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  while (rows->next()) {
    Poco::JSON::Object::Ptr item = NewJsonObject();
    std::string item_status = rows->getString(3);
    item->set("id", std::string(rows->getString(1)));
    item->set("formation", std::string(rows->getString(2)));
    item->set("status", item_status);
    item->set("status_label", std::string(CandidatureStatusLabel(item_status.c_str())));
    item->set("updated_at", std::string(rows->getString(4)));
    item->set("pieces_to_check", static_cast<Poco::Int64>(rows->getInt64(5)));
    list->add(item);
  }
  context.SendJson(200, JsonText(list));
}

}  // namespace dossier
