#include "server/HttpService.h"

#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>

#include <chrono>
#include <iostream>
#include <thread>

#include "server/gate/HeadGate.h"
#include "server/gate/OneRequest.h"
#include "server/gate/ServingLane.h"
#include "server/http/RequestDispatcher.h"
#include "server/http/RequestLog.h"
#include "server/http/Router.h"
#include "server/http/ServiceResources.h"
#include "server/routes/ApiRouter.h"

namespace dossier {
namespace {

// A client silent this long in the middle of a body is gone.
constexpr int kReceiveTimeoutSeconds = 60;

Poco::Net::HTTPServerParams::Ptr ServerParams() {
  Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
  params->setKeepAlive(true);
  params->setTimeout(Poco::Timespan(kReceiveTimeoutSeconds, 0));
  params->setSoftwareVersion("dossierd");
  return params;
}

}  // namespace

HttpService::HttpService(ServerSettings settings, ConnectionPool& pool, const BlobStore& store,
                         TokenKeys token_secret, PiecePolicy policy)
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
  dispatcher_ = std::make_unique<RequestDispatcher>(*service_, *router_, *log_, stopping_);
  main_lane_ = std::make_unique<ServingLane>(settings.threads, settings.gate.max_queued);
  reserve_lane_ =
      std::make_unique<ServingLane>(settings.gate.reserve_threads, settings.gate.reserve_threads);
  Poco::Net::HTTPServerParams::Ptr params = ServerParams();
  gate_ = std::make_unique<HeadGate>(settings.gate, socket, *main_lane_, *reserve_lane_,
                                     [this, params](Poco::Net::StreamSocket& connection) {
                                       return ServeOneRequest(connection, *dispatcher_, params);
                                     });
  gate_->Start();
}

void HttpService::Stop() {
  if (!gate_) return;
  stopping_ = true;
  gate_->StopAccepting();  // no new connections; the requests being served finish
  auto deadline = std::chrono::steady_clock::now() +
                  std::chrono::seconds(service_->settings.stop_grace_seconds);
  while (gate_->serving() > 0 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  int cut = gate_->serving();
  gate_->CutServing();
  main_lane_->Stop();
  reserve_lane_->Stop();
  const GateCounters& gate = gate_->counters();
  const HttpCounters& counters = service_->counters;
  log_->WriteEvent("http_stopped",
                   {{"uploads", std::to_string(counters.uploads())},
                    {"upload_files", std::to_string(counters.upload_files())},
                    {"upload_bytes", std::to_string(counters.upload_bytes())},
                    {"cut_connections", std::to_string(cut)},
                    {"head_timeouts", std::to_string(gate.head_timeouts.load())},
                    {"evicted_heads", std::to_string(gate.evicted.load())},
                    {"refused_framing", std::to_string(gate.refused_framing.load())},
                    {"refused_busy", std::to_string(gate.refused_busy.load())}});
  gate_.reset();
  main_lane_.reset();
  reserve_lane_.reset();
  dispatcher_.reset();
}

}  // namespace dossier
