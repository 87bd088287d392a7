#include "bench/deadline-sim/ServiceClient.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

namespace dossier::sim {
namespace {

// dossierd drops an idle keep-alive connection after 5 s; reconnecting a
// little before that avoids writing into a connection the server is closing.
constexpr int kClientKeepAliveSeconds = 4;
constexpr int kReceiveTimeoutSeconds = 120;

}  // namespace

ServiceClient::ServiceClient(const Poco::URI& base) : session_(base.getHost(), base.getPort()) {
  session_.setKeepAlive(true);
  session_.setKeepAliveTimeout(Poco::Timespan(kClientKeepAliveSeconds, 0));
  session_.setTimeout(Poco::Timespan(kReceiveTimeoutSeconds, 0));
}

HttpAnswer ServiceClient::Exchange(const HttpRequestSpec& spec) {
  Poco::Net::HTTPRequest request(spec.method, spec.path, Poco::Net::HTTPMessage::HTTP_1_1);
  request.setKeepAlive(true);
  if (!spec.token.empty()) request.set("Authorization", "Bearer " + spec.token);
  for (const auto& [name, value] : spec.headers) request.set(name, value);
  if (spec.body) {
    request.setContentType(spec.content_type);
    request.setContentLength(static_cast<std::streamsize>(spec.body->size()));
  }
  std::ostream& out = session_.sendRequest(request);
  if (spec.body) out.write(spec.body->data(), static_cast<std::streamsize>(spec.body->size()));
  Poco::Net::HTTPResponse response;
  std::istream& in = session_.receiveResponse(response);
  HttpAnswer answer;
  answer.status = static_cast<int>(response.getStatus());
  Poco::StreamCopier::copyToString(in, answer.body);
  return answer;
}

HttpAnswer ServiceClient::Send(const HttpRequestSpec& spec) {
  try {
    return Exchange(spec);
  } catch (const Poco::Exception& error) {
    session_.reset();
    return {0, "", error.displayText()};
  } catch (const std::exception& error) {
    session_.reset();
    return {0, "", error.what()};
  }
}

HttpAnswer ServiceClient::SendWithRetry(const HttpRequestSpec& spec, bool* retried) {
  HttpAnswer answer = Send(spec);
  *retried = answer.status == 0;
  if (*retried) answer = Send(spec);
  return answer;
}

}  // namespace dossier::sim
