#pragma once

#include <atomic>
#include <memory>
#include <string>

#include "server/ServerSettings.h"
#include "server/auth/TokenKeys.h"
#include "workflow/policy/PiecePolicy.h"

namespace Poco::Net {
class HTTPServerParams;
}

namespace dossier {

class BlobStore;
class ConnectionPool;
class HeadGate;
class RequestDispatcher;
class RequestLog;
class Router;
struct ServiceResources;
class ServingLane;

// The HTTP API of dossierd: the /api/v1 routes, bearer tokens, /healthz,
// /readyz and /metrics, one JSON log line per request on stdout. Connections
// come in through the HeadGate (a request takes a thread only once its head
// arrived whole) and are served with Poco's request and response objects.
// Uploads are streamed to the blob store and acknowledged (202) once their
// rows are committed; documents are never parsed here.
class HttpService {
 public:
  HttpService(ServerSettings settings, ConnectionPool& pool, const BlobStore& store,
              TokenKeys token_secret, PiecePolicy policy);
  ~HttpService();  // stops when still serving
  HttpService(const HttpService&) = delete;
  HttpService& operator=(const HttpService&) = delete;

  // Binds and serves; throws Poco::Net::NetException when the address
  // cannot be bound.
  void Start();
  // Stops accepting, lets the requests in flight finish for up to
  // settings.stop_grace_seconds, then cuts what is left.
  void Stop();
  int port() const { return port_; }  // the bound port (useful with port 0)

 private:
  std::unique_ptr<ServiceResources> service_;
  std::unique_ptr<Router> router_;
  std::unique_ptr<RequestLog> log_;
  std::atomic<bool> stopping_{false};
  std::unique_ptr<RequestDispatcher> dispatcher_;
  std::unique_ptr<ServingLane> main_lane_;
  std::unique_ptr<ServingLane> reserve_lane_;
  std::unique_ptr<HeadGate> gate_;  // declared last: stopped first
  int port_ = 0;
};

}  // namespace dossier
