#include "core/json/JsonDocument.h"
#include "server/http/RequestContext.h"
#include "server/ops/OpsHandlers.h"

namespace dossier {

void HandleHealthz(RequestContext& context) {
  Poco::JSON::Object::Ptr body = NewJsonObject();
  body->set("status", "ok");
  context.SendJson(200, body);
}

}  // namespace dossier
