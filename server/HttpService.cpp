#include "server/HttpService.h"

#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/ThreadPool.h>

#include <chrono>
#include <iostream>
#include <thread>

#include "server/http/RequestDispatcher.h"
#include "server/http/RequestLog.h"
#include "server/http/Router.h"
#include "server/http/ServiceResources.h"
#include "server/routes/ApiRouter.h"

namespace dossier {
namespace {

// An idle keep-alive connection holds a thread: let it go soon.
constexpr int kKeepAliveSeconds = 5;
// A client silent this long in the middle of a request is gone.
constexpr int kReceiveTimeoutSeconds = 60;

Poco::Net::HTTPServerParams::Ptr ServerParams(const ServerSettings& settings) {
  Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(settings.threads);
  params->setMaxQueued(settings.max_queued_connections);
  params->setKeepAlive(true);
  params->setKeepAliveTimeout(Poco::Timespan(kKeepAliveSeconds, 0));
  params->setTimeout(Poco::Timespan(kReceiveTimeoutSeconds, 0));
  params->setSoftwareVersion("dossierd");
  return params;
}

}  // namespace

HttpService::HttpService(ServerSettings settings, ConnectionPool& pool, const BlobStore& store,
                         std::string token_secret, PiecePolicy policy)
    : service_(std::make_unique<ServiceResources>(std::move(settings), pool, store,
                                                  std::move(token_secret), std::move(policy))),
      router_(std::make_unique<Router>(ApiRouter())),
      log_(std::make_unique<RequestLog>(std::cout)) {}

HttpService::~HttpService() {
  Stop();
}

void HttpService::Start() {
  const ServerSettings& settings = service_->settings;
  Poco::Net::ServerSocket socket;
  socket.bind(
      Poco::Net::SocketAddress(settings.bind_address, static_cast<Poco::UInt16>(settings.port)),
      true);
  socket.listen(settings.max_queued_connections);
  port_ = socket.address().port();
  stopping_ = false;
  threads_ = std::make_unique<Poco::ThreadPool>(2, std::max(2, settings.threads));
  server_ = std::make_unique<Poco::Net::HTTPServer>(
      new RequestDispatcher(*service_, *router_, *log_, stopping_), *threads_, socket,
      ServerParams(settings));
  server_->start();
}

void HttpService::Stop() {
  if (!server_) return;
  stopping_ = true;
  server_->stop();  // no new connections; the ones open finish their request
  auto deadline = std::chrono::steady_clock::now() +
                  std::chrono::seconds(service_->settings.stop_grace_seconds);
  while (server_->currentConnections() > 0 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  int cut = server_->currentConnections();
  server_->stopAll(true);  // shuts the sockets of what is left
  threads_->joinAll();
  server_.reset();
  threads_.reset();
  const HttpCounters& counters = service_->counters;
  log_->WriteEvent("http_stopped", {{"uploads", std::to_string(counters.uploads())},
                                    {"upload_files", std::to_string(counters.upload_files())},
                                    {"upload_bytes", std::to_string(counters.upload_bytes())},
                                    {"cut_connections", std::to_string(cut)}});
}

}  // namespace dossier
