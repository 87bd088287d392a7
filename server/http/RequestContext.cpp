#include "server/http/RequestContext.h"

#include <Poco/Buffer.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/HTTPServerSession.h>
#include <Poco/String.h>
#include <Poco/URI.h>
#include <poll.h>

#include "core/json/JsonDocument.h"
#include "core/messages/UploadMessages.h"
#include "server/http/ChunkedBody.h"
#include "server/http/ClientAddress.h"
#include "server/http/CountedInput.h"
#include "server/http/ErrorAnswer.h"
#include "server/http/RequestId.h"
#include "server/http/ServiceResources.h"

namespace dossier {

RequestContext::RequestContext(Poco::Net::HTTPServerRequest& request,
                               Poco::Net::HTTPServerResponse& response, ServiceResources& service)
    : request_(request), response_(response), service_(service) {
  try {
    Poco::URI uri(request.getURI());
    path_ = uri.getPath();
    query_ = uri.getRawQuery();
  } catch (const Poco::Exception&) {
    path_.clear();  // a malformed URI matches no route: 404
  }
  IdentifyClient();
}

namespace {

// Every line of header `name`, joined by ',' (a proxy chain may send several).
std::string JoinedHeader(const Poco::Net::HTTPServerRequest& request, const std::string& name) {
  std::string joined;
  for (auto it = request.find(name); it != request.end() && Poco::icompare(it->first, name) == 0;
       ++it)
    joined += (joined.empty() ? "" : ",") + it->second;
  return joined;
}

}  // namespace

// Who the request comes from and its id, from the headers of a trusted
// proxy only; the id goes out on every answer, errors included.
void RequestContext::IdentifyClient() {
  std::string peer = request_.clientAddress().host().toString();
  const TrustedProxies& trusted = service_.settings.gate.trusted_proxies;
  bool from_proxy = trusted.Contains(peer);
  client_address_ = ClientAddressOf(peer, JoinedHeader(request_, "X-Forwarded-For"), trusted);
  request_id_ = RequestIdFor(request_.get("X-Request-Id", ""), from_proxy);
  forwarded_https_ = from_proxy && Poco::icompare(request_.get("X-Forwarded-Proto", ""),
                                                  std::string("https")) == 0;
  response_.set("X-Request-Id", request_id_);
}

RequestContext::~RequestContext() = default;

std::string RequestContext::Query(const std::string& name) const {
  try {
    Poco::URI uri;
    uri.setRawQuery(query_);
    for (const auto& [key, value] : uri.getQueryParameters())
      if (key == name) return value;
  } catch (const Poco::Exception&) {
  }
  return "";
}

const std::string& RequestContext::Param(const std::string& name) const {
  static const std::string kNone;
  auto found = params_.find(name);
  return found == params_.end() ? kNone : found->second;
}

bool RequestContext::HasBody() const {
  if (request_.getChunkedTransferEncoding()) return true;
  return request_.hasContentLength() && request_.getContentLength64() > 0;
}

std::optional<std::uint64_t> RequestContext::ContentLength() const {
  if (!request_.hasContentLength() || request_.getChunkedTransferEncoding()) return std::nullopt;
  return static_cast<std::uint64_t>(request_.getContentLength64());
}

std::istream& RequestContext::Body() {
  if (!continue_sent_ && request_.getExpectContinue() && !response_.sent()) {
    response_.sendContinue();
    continue_sent_ = true;
  }
  if (!body_) body_ = std::make_unique<CountedInput>(RawBody());
  return *body_;
}

// A chunked body is decoded by ChunkedBody, which tells a connection closed
// before the last chunk from a whole body; a Content-Length body by Poco.
std::istream& RequestContext::RawBody() {
  auto* served = dynamic_cast<Poco::Net::HTTPServerRequestImpl*>(&request_);
  if (!request_.getChunkedTransferEncoding() || !served) return request_.stream();
  Poco::Buffer<char> buffered(0);
  served->session().drainBuffer(buffered);
  chunked_ = std::make_unique<ChunkedBody>(std::string(buffered.begin(), buffered.size()),
                                           served->session().socket());
  return *chunked_;
}

bool RequestContext::BodyCutShort() const {
  if (!body_ || !body_->reached_end()) return false;
  if (chunked_) return !chunked_->complete();
  std::optional<std::uint64_t> length = ContentLength();
  return length && body_->count() < *length;
}

std::uint64_t RequestContext::bytes_in() const {
  return body_ ? body_->count() : 0;
}

void RequestContext::DrainBody(std::uint64_t limit) {
  if (!HasBody()) return;
  try {
    static_cast<CountedInput&>(Body()).Drain(limit);
  } catch (const std::exception&) {
    // The client stopped sending: the connection is closed after the answer.
  }
  if (BodyCutShort()) throw ClientError(ErrorCode::kTruncated, InterruptedUploadMessage());
}

void RequestContext::DrainBeforeError(std::uint64_t limit) {
  if (!HasBody() || leave_unread_) return;
  if (!body_) {
    std::optional<std::uint64_t> length = ContentLength();
    if (request_.getExpectContinue() || !length || *length > limit) return;
  }
  try {
    DrainBody(limit);
  } catch (const ClientError&) {
    // Cut short: the error being answered says more than that.
  }
}

void RequestContext::PrepareToSend(int status) {
  response_.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
  // Unread body bytes would be taken for the next request on this
  // connection: close it after this answer instead.
  if (HasBody() && !(body_ && body_->reached_end())) response_.setKeepAlive(false);
  if (chunked_ && (!chunked_->complete() || chunked_->read_past_end()))
    response_.setKeepAlive(false);
}

void RequestContext::SendText(int status, const std::string& content_type,
                              const std::string& text) {
  PrepareToSend(status);
  response_.setContentType(content_type);
  response_.setContentLength64(static_cast<Poco::Int64>(text.size()));
  response_.send().write(text.data(), static_cast<std::streamsize>(text.size()));
}

void RequestContext::SendNoContent() {
  PrepareToSend(204);
  response_.set("Cache-Control", "no-store");
  response_.send();
}

void RequestContext::SendJson(int status, const std::string& json) {
  response_.set("Cache-Control", "no-store");
  SendText(status, "application/json; charset=utf-8", json);
}

void RequestContext::SendJson(int status, const Poco::JSON::Object::Ptr& body) {
  SendJson(status, JsonText(body));
}

void RequestContext::SendError(const ClientError& error) {
  ErrorAnswer answer = AnswerTo(error);
  for (const auto& [name, value] : answer.headers) response_.set(name, value);
  SendJson(answer.status, answer.body);
}

void RequestContext::SendFile(const std::string& path, const std::string& content_type,
                              const std::string& download_name) {
  PrepareToSend(200);
  response_.set("Content-Disposition", "attachment; filename=\"" + download_name + "\"");
  response_.set("Cache-Control", "no-store");
  response_.sendFile(path, content_type);
}

std::ostream& RequestContext::SendStream(const std::string& content_type,
                                         const std::string& download_name) {
  PrepareToSend(200);
  response_.set("Content-Disposition", "attachment; filename=\"" + download_name + "\"");
  response_.set("Cache-Control", "no-store");
  response_.setContentType(content_type);
  if (request_.getVersion() == Poco::Net::HTTPMessage::HTTP_1_0)
    response_.setKeepAlive(false);  // no chunks in HTTP/1.0: the close ends the body
  else
    response_.setChunkedTransferEncoding(true);
  return response_.send();
}

// POLLRDHUP: the client's FIN arrived (a client that only half-closes
// after its request reads as gone too; browsers and HTTP libraries do not).
bool RequestContext::ClientLeft() {
  auto* served = dynamic_cast<Poco::Net::HTTPServerRequestImpl*>(&request_);
  if (!served) return false;
  pollfd watch{served->session().socket().impl()->sockfd(), POLLRDHUP, 0};
  if (::poll(&watch, 1, 0) <= 0) return false;
  return (watch.revents & (POLLRDHUP | POLLHUP | POLLERR)) != 0;
}

bool RequestContext::sent() const {
  return response_.sent();
}

int RequestContext::status() const {
  return static_cast<int>(response_.getStatus());
}

}  // namespace dossier
