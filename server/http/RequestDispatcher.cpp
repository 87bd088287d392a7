#include "server/http/RequestDispatcher.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/String.h>
#include <cppconn/exception.h>

#include <chrono>
#include <ctime>

#include "core/errors/ClientError.h"
#include "core/messages/ApiMessages.h"
#include "server/http/BearerAuth.h"
#include "server/http/RequestContext.h"
#include "server/http/RequestLog.h"
#include "server/http/Router.h"
#include "server/http/ServiceResources.h"
#include "server/http/SessionAuth.h"
#include "server/http/SessionCookie.h"

namespace dossier {
namespace {

// A body refused before it was read whole (a Word file in an upload, a
// request refused on its headers) is read on, up to this much, so that the
// client gets the answer instead of a reset connection.
constexpr std::uint64_t kRefusedBodyDrain = 8 << 20;

std::string Joined(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) text += (text.empty() ? "" : ", ") + item;
  return text;
}

class DispatchedRequest : public Poco::Net::HTTPRequestHandler {
 public:
  DispatchedRequest(ServiceResources& service, const Router& router, RequestLog& log, bool stopping)
      : service_(service), router_(router), log_(log), stopping_(stopping) {}

  void handleRequest(Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response) override {
    auto started = std::chrono::steady_clock::now();
    RequestContext context(request, response, service_);
    std::string failure = Run(context);
    service_.counters.CountResponse(context.status());
    RequestLogEntry entry;
    entry.method = request.getMethod();
    entry.path = context.path();
    entry.status = context.status();
    entry.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
                   .count();
    entry.bytes_in = context.bytes_in();
    entry.role = context.grant() ? TokenRoleName(context.grant()->role) : "";
    entry.error = failure;
    if (context.status() >= 400) entry.error_code = error_code_;
    entry.request_id = context.request_id();
    entry.ip = context.client_address();
    log_.Write(entry);
  }

 private:
  // Runs the route; returns what went wrong when the answer hides it.
  std::string Run(RequestContext& context) {
    try {
      if (stopping_) {
        context.response().setKeepAlive(false);
        throw ClientError(ErrorCode::kStopping, messages::ServiceUnavailable()).RetryAfter(5);
      }
      Route(context);
      if (!context.sent()) return Answer(context, Internal(), "the route sent no answer");
      return "";
    } catch (const ClientError& error) {
      return Answer(context, error, error.context());
    } catch (const sql::SQLException& error) {
      return Answer(context,
                    ClientError(ErrorCode::kDatabaseUnavailable, messages::ServiceUnavailable())
                        .RetryAfter(5),
                    std::string("database: ") + error.what());
    } catch (const Poco::Exception& error) {
      return Answer(context, Internal(), error.displayText());
    } catch (const std::exception& error) {
      return Answer(context, Internal(), error.what());
    }
  }

  static ClientError Internal() {
    return ClientError(ErrorCode::kInternalError, messages::InternalError());
  }

  std::string Answer(RequestContext& context, const ClientError& error, std::string failure) {
    error_code_ = error.code_name();
    if (context.sent()) {
      // Part of the answer is already out (a file being streamed): the
      // client sees a cut connection; the log says why.
      context.response().setKeepAlive(false);
      return failure.empty() ? std::string("after the answer began: ") + error.code_name()
                             : failure;
    }
    try {
      context.DrainBeforeError(kRefusedBodyDrain);
      context.SendError(error);
    } catch (const std::exception& cut) {
      return (failure.empty() ? "" : failure + "; ") + "answer not delivered: " + cut.what();
    }
    return failure;
  }

  void Route(RequestContext& context) {
    RouteMatch match = router_.Match(context.request().getMethod(), context.path());
    if (match.outcome == RouteMatch::Outcome::NoSuchPath)
      throw ClientError(ErrorCode::kNotFound, messages::NoSuchAddress());
    if (match.outcome == RouteMatch::Outcome::MethodNotAllowed) {
      context.response().set("Allow", Joined(match.allowed_methods));
      throw ClientError(ErrorCode::kMethodNotAllowed, messages::MethodNotAllowed());
    }
    context.SetParams(match.params);
    if (!match.route->access.open) {
      AccessGrant grant = Credentials(context, match.route->access);
      context.SetGrant(grant);
      Authorize(grant, match.route->access, context.Param("id"));
    }
    match.route->handler(context);
  }

  // The one place a request's token is read: the Authorization header when
  // there is one, else the session cookie on the routes that take it.
  AccessGrant Credentials(RequestContext& context, const RouteAccess& access) {
    const Poco::Net::HTTPServerRequest& request = context.request();
    std::int64_t now = std::time(nullptr);
    if (access.session_cookie && !request.has("Authorization")) {
      std::vector<std::string> tokens = CookieValues(CookieHeaders(request), kSessionCookieName);
      if (!tokens.empty()) {
        RequireOwnOrigin(request.getMethod(), request.get("Origin", ""), request.get("Host", ""),
                         service_.settings.public_url);
        return AuthenticateSessionCookie(tokens, service_.token_secret, now, context.Param("id"));
      }
    }
    return Authenticate(request.get("Authorization", ""), service_.token_secret, now);
  }

  // Every Cookie header line (HTTP/2 front ends may pass several).
  static std::vector<std::string> CookieHeaders(const Poco::Net::HTTPServerRequest& request) {
    std::vector<std::string> headers;
    for (auto it = request.find("Cookie");
         it != request.end() && Poco::icompare(it->first, "Cookie") == 0; ++it)
      headers.push_back(it->second);
    return headers;
  }

  ServiceResources& service_;
  const Router& router_;
  RequestLog& log_;
  bool stopping_;
  std::string error_code_;  // of the ClientError answered, for the log line
};

}  // namespace

RequestDispatcher::RequestDispatcher(ServiceResources& service, const Router& router,
                                     RequestLog& log, const std::atomic<bool>& stopping)
    : service_(service), router_(router), log_(log), stopping_(stopping) {}

Poco::Net::HTTPRequestHandler* RequestDispatcher::createRequestHandler(
    const Poco::Net::HTTPServerRequest& request) {
  // Poco answers "100 Continue" by itself unless the status is changed
  // here; the routes send it once they decided to read the body (an upload
  // refused on its headers is never sent).
  if (request.getExpectContinue())
    request.response().setStatus(Poco::Net::HTTPResponse::HTTP_EXPECTATION_FAILED);
  return new DispatchedRequest(service_, router_, log_, stopping_.load());
}

}  // namespace dossier
