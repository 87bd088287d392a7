#include <Poco/JSON/Array.h>

#include "core/json/JsonDocument.h"
#include "server/http/RequestContext.h"
#include "server/http/ServiceResources.h"
#include "server/routes/PathParams.h"
#include "server/routes/RouteHandlers.h"
#include "store/db/ConnectionPool.h"
#include "workflow/WorkflowRows.h"
#include "workflow/history/ReadHistory.h"

namespace dossier {
namespace {

Poco::Dynamic::Var OrNull(const std::optional<std::string>& value) {
  return value ? Poco::Dynamic::Var(*value) : Poco::Dynamic::Var();
}

Poco::JSON::Object::Ptr EntryJson(const HistoryLine& line) {
  Poco::JSON::Object::Ptr entry = NewJsonObject();
  entry->set("at", line.at);
  entry->set("by", line.actor);
  entry->set("kind", line.kind);
  entry->set("piece", OrNull(line.piece_code));
  entry->set("piece_label", OrNull(line.piece_label));
  entry->set("old_status", OrNull(line.old_status));
  entry->set("new_status", OrNull(line.new_status));
  entry->set("old_status_label", OrNull(line.old_status_label));
  entry->set("new_status_label", OrNull(line.new_status_label));
  entry->set("comment", OrNull(line.comment));
  return entry;
}

}  // namespace

// Who did what to a candidature, oldest first: its creation, each upload,
// pre-check, decision, status change, transmission and « Non concerné »,
// as each was written in the transaction of the change (workflow/history).
void HandleHistory(RequestContext& context) {
  std::string id = CandidatureIdParam(context);
  PooledConnection connection = AcquireConnection(context.service());
  FindCandidature(*connection, id);  // not_found for an unknown candidature
  Poco::JSON::Array::Ptr entries = new Poco::JSON::Array;
  for (const HistoryLine& line : ReadHistory(*connection, id)) entries->add(EntryJson(line));
  Poco::JSON::Object::Ptr body = NewJsonObject();
  body->set("id", id);
  body->set("entries", entries);
  context.SendJson(200, body);
}

}  // namespace dossier
