#include "server/http/ServiceResources.h"

#include <cppconn/exception.h>

#include <chrono>
#include <stdexcept>

#include "server/http/ApiMessages.h"
#include "server/http/HttpError.h"
#include "store/db/ConnectionPool.h"

namespace dossier {

PooledConnection AcquireConnection(ServiceResources& service) {
  try {
    return service.pool.Acquire(std::chrono::seconds(5));
  } catch (const sql::SQLException&) {
    throw;  // the database cannot be reached: the dispatcher answers 503 and logs why
  } catch (const std::runtime_error&) {
    // No connection freed up in time: the client should come back shortly.
    throw HttpError(503, "database_unavailable", messages::ServiceUnavailable(), 5);
  }
}

}  // namespace dossier
