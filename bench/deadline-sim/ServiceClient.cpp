#include "bench/deadline-sim/ServiceClient.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <thread>

namespace dossier::sim {
namespace {

// dossierd drops an idle keep-alive connection after 5 s; reconnecting a
// little before that avoids writing into a connection the server is closing.
constexpr int kClientKeepAliveSeconds = 4;
constexpr int kReceiveTimeoutSeconds = 120;
constexpr std::size_t kBodyBlockBytes = 64 * 1024;

using Clock = std::chrono::steady_clock;

// Writes the body in blocks, each no earlier than the uplink allows.
void WriteBody(std::ostream& out, const std::string& body, double bytes_per_s) {
  Clock::time_point start = Clock::now();
  for (std::size_t sent = 0; sent < body.size();) {
    if (bytes_per_s > 0)
      std::this_thread::sleep_until(start + std::chrono::duration_cast<Clock::duration>(
                                                std::chrono::duration<double>(sent / bytes_per_s)));
    std::size_t block = std::min(kBodyBlockBytes, body.size() - sent);
    out.write(body.data() + sent, static_cast<std::streamsize>(block));
    sent += block;
  }
  out.flush();
}

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
  if (spec.body) WriteBody(out, *spec.body, spec.body_bytes_per_s);
  Clock::time_point body_end = Clock::now();
  Poco::Net::HTTPResponse response;
  std::istream& in = session_.receiveResponse(response);
  HttpAnswer answer;
  answer.wait_after_body_ms =
      std::chrono::duration<double, std::milli>(Clock::now() - body_end).count();
  answer.status = static_cast<int>(response.getStatus());
  answer.retry_after_s = std::atoi(response.get("Retry-After", "0").c_str());
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
