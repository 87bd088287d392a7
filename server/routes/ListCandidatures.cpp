#include "core/json/JsonDocument.h"
#include "core/json/JsonStringOrNull.h"
#include "server/http/RequestContext.h"
#include "server/http/ServiceResources.h"
#include "server/routes/RouteHandlers.h"
#include "server/worklist/WorkListQuery.h"
#include "server/worklist/WorkListRequest.h"
#include "store/db/ConnectionPool.h"
#include "workflow/CandidatureStatus.h"
#include "workflow/LabelOrCode.h"

namespace dossier {
namespace {

Poco::JSON::Object::Ptr Item(const WorkListItem& row) {
  Poco::JSON::Object::Ptr item = NewJsonObject();
  item->set("id", row.id);
  item->set("nom", JsonStringOrNull(row.nom));
  item->set("prenom", JsonStringOrNull(row.prenom));
  item->set("ine", JsonStringOrNull(row.ine));
  item->set("formation", row.formation);
  item->set("status", row.status);
  item->set("status_label", LabelOrCode(ParseCandidatureStatus(row.status), row.status));
  Poco::JSON::Array::Ptr flags = new Poco::JSON::Array;
  for (WorkListFlag flag : row.flags) flags->add(std::string(WorkListFlagName(flag)));
  item->set("flags", flags);
  item->set("pieces", row.pieces);
  item->set("pieces_to_check", row.pieces_to_check);
  item->set("updated_at", row.updated_at);
  return item;
}

Poco::JSON::Array::Ptr Strings(const std::vector<std::string>& values) {
  Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
  for (const std::string& value : values) array->add(value);
  return array;
}

}  // namespace

// The gestionnaire's work list: one page of the candidatures that match,
// with how many match and every formation for the page's filter.
void HandleListCandidatures(RequestContext& context) {
  WorkListFilter filter = WorkListFilterOf(context);
  PooledConnection connection = AcquireConnection(context.service());
  WorkListPage page = QueryWorkListPage(*connection, filter);
  Poco::JSON::Object::Ptr body = NewJsonObject();
  body->set("total", static_cast<Poco::Int64>(page.total));
  body->set("limit", filter.limit);
  body->set("offset", filter.offset);
  body->set("formations", Strings(QueryFormations(*connection)));
  Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
  for (const WorkListItem& row : page.items) items->add(Item(row));
  body->set("items", items);
  context.SendJson(200, body);
}

}  // namespace dossier
