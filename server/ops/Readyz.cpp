#include <Poco/JSON/Array.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <cppconn/resultset.h>

#include <chrono>

#include "core/json/JsonDocument.h"
#include "server/http/RequestContext.h"
#include "server/http/ServiceResources.h"
#include "server/ops/OpsHandlers.h"
#include "store/db/BoundStatement.h"
#include "store/db/ConnectionPool.h"
#include "store/tables/ProcessRegistry.h"

namespace dossier {
namespace {

struct Readiness {
  bool database = false;
  int workers_alive = 0;
  std::int64_t queue_depth = 0;
};

Readiness Measure(ServiceResources& service) {
  Readiness readiness;
  try {
    PooledConnection connection = service.pool.Acquire(std::chrono::seconds(2));
    BoundStatement(*connection, "SELECT 1").Query();
    readiness.database = true;
    readiness.workers_alive =
        CountAlive(*connection, "worker", service.settings.worker_alive_seconds);
    auto depth =
        BoundStatement(*connection, "SELECT COUNT(*) FROM job WHERE state IN ('queued', 'running')")
            .Query();
    if (depth->next()) readiness.queue_depth = depth->getInt64(1);
  } catch (const std::exception&) {
    readiness.database = false;  // unreachable, or no connection free: not ready either way
  }
  return readiness;
}

Poco::JSON::Object::Ptr Check(bool ok) {
  Poco::JSON::Object::Ptr check = NewJsonObject();
  check->set("ok", ok);
  return check;
}

}  // namespace

void HandleReadyz(RequestContext& context) {
  const ServerSettings& settings = context.service().settings;
  Readiness readiness = Measure(context.service());
  bool workers_ok = readiness.database && readiness.workers_alive >= 1;
  bool queue_ok = readiness.database && readiness.queue_depth <= settings.queue_bound;

  Poco::JSON::Object::Ptr checks = NewJsonObject();
  checks->set("database", Check(readiness.database));
  Poco::JSON::Object::Ptr workers = Check(workers_ok);
  workers->set("alive", readiness.workers_alive);
  checks->set("workers", workers);
  Poco::JSON::Object::Ptr queue = Check(queue_ok);
  queue->set("depth", static_cast<Poco::Int64>(readiness.queue_depth));
  queue->set("bound", settings.queue_bound);
  if (readiness.database && !queue_ok) queue->set("state", "saturated");
  checks->set("queue", queue);

  Poco::JSON::Array::Ptr failed = new Poco::JSON::Array;
  if (!readiness.database) failed->add("database");
  if (!workers_ok) failed->add("workers");
  if (!queue_ok) failed->add("queue");

  Poco::JSON::Object::Ptr body = NewJsonObject();
  bool ready = failed->size() == 0;
  body->set("ready", ready);
  body->set("checks", checks);
  if (!ready) {
    body->set("failed", failed);
    context.response().set("Retry-After", "30");
  }
  context.SendJson(ready ? 200 : 503, body);
}

}  // namespace dossier
