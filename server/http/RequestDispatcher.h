#pragma once

#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include <atomic>

namespace dossier {

class RequestLog;
class Router;
struct ServiceResources;

// Poco's entry point for every request: finds the route, checks the bearer
// token and the role, runs the route, and turns whatever it throws into the
// JSON error shape (a database error is a 503 with Retry-After, never a
// crash). Counts and logs every answer. While `stopping`, answers 503 and
// closes connections instead of keeping them alive.
class RequestDispatcher : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  RequestDispatcher(ServiceResources& service, const Router& router, RequestLog& log,
                    const std::atomic<bool>& stopping);

  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest& request) override;

 private:
  ServiceResources& service_;
  const Router& router_;
  RequestLog& log_;
  const std::atomic<bool>& stopping_;
};

}  // namespace dossier
