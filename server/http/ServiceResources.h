#pragma once

#include <string>

#include "server/ServerSettings.h"
#include "server/auth/TokenKeys.h"
#include "server/dossier/ProgramSlots.h"
#include "server/http/HttpCounters.h"
#include "workflow/policy/PiecePolicy.h"

namespace dossier {

class BlobStore;
class ConnectionPool;
class PooledConnection;

// What every route may use: the settings, the database, the blob store, the
// token secret, the pièce policy and this process's counters. Owned by the
// HttpService, shared by its request threads (all of it is thread-safe).
struct ServiceResources {
  ServiceResources(ServerSettings settings, ConnectionPool& pool, const BlobStore& store,
                   TokenKeys token_secret, PiecePolicy policy)
      : settings(std::move(settings)),
        pool(pool),
        store(store),
        token_secret(std::move(token_secret)),
        policy(std::move(policy)),
        document_programs(this->settings.max_document_programs) {}

  const ServerSettings settings;
  ConnectionPool& pool;
  const BlobStore& store;
  const TokenKeys token_secret;  // the keys that verify tokens
  const PiecePolicy policy;
  HttpCounters counters;
  // The dossier PDFs and récépissés drawn at once, out of process.
  ProgramSlots document_programs;
};

// A database connection for one request: a pool that stays exhausted is
// answered 503 with Retry-After (ClientError `database_unavailable`), like a database that is down.
PooledConnection AcquireConnection(ServiceResources& service);

}  // namespace dossier
