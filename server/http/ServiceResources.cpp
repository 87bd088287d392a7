#include "server/http/ServiceResources.h"

#include <cppconn/exception.h>

#include <chrono>
#include <stdexcept>

#include "core/errors/ClientError.h"
#include "core/messages/ApiMessages.h"
#include "store/db/ConnectionPool.h"

namespace dossier {

PooledConnection AcquireConnection(ServiceResources& service) {
  try {
    return service.pool.Acquire(std::chrono::seconds(5));
  } catch (const sql::SQLException&) {
    throw;  // the database cannot be reached: the dispatcher answers 503 and logs why
  } catch (const std::runtime_error&) {
    // No connection freed up in time: the client should come back shortly.
    throw ClientError(ErrorCode::kDatabaseUnavailable, messages::ServiceUnavailable())
        .RetryAfter(5);
  }
}

}  // namespace dossier
