#pragma once

#include <Poco/JSON/Object.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "server/auth/AccessToken.h"

namespace Poco::Net {
class HTTPServerRequest;
class HTTPServerResponse;
}  // namespace Poco::Net

namespace dossier {

class ChunkedBody;
class CountedInput;
class ClientError;
struct ServiceResources;

// One request as a route sees it: the path parameters, the caller's grant,
// the body (read on demand, counted), and the ways to answer. Every answer
// goes through here, so that a connection whose body was left unread is
// closed after the answer instead of being reused.
class RequestContext {
 public:
  RequestContext(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                 ServiceResources& service);
  ~RequestContext();
  RequestContext(const RequestContext&) = delete;
  RequestContext& operator=(const RequestContext&) = delete;

  Poco::Net::HTTPServerRequest& request() { return request_; }
  Poco::Net::HTTPServerResponse& response() { return response_; }
  ServiceResources& service() { return service_; }

  // The client's address: the peer, or what a trusted proxy's
  // X-Forwarded-For names (ClientAddressOf).
  const std::string& client_address() const { return client_address_; }
  // This request's id (X-Request-Id on the answer, request_id in the log).
  const std::string& request_id() const { return request_id_; }
  // A trusted proxy says the client reached it over https.
  bool forwarded_https() const { return forwarded_https_; }

  const std::string& path() const { return path_; }  // decoded, without the query string
  std::string Query(const std::string& name) const;  // "" when absent
  void SetParams(std::map<std::string, std::string> params) { params_ = std::move(params); }
  const std::string& Param(const std::string& name) const;  // a {name} of the route

  void SetGrant(const AccessGrant& grant) { grant_ = grant; }
  const std::optional<AccessGrant>& grant() const { return grant_; }
  // Who the history records as doing what this request asks
  // (AccessGrant::Actor); "" on an open route.
  std::string Actor() const { return grant_ ? grant_->Actor() : ""; }

  // The request carries a body (Content-Length > 0, or chunked).
  bool HasBody() const;
  std::optional<std::uint64_t> ContentLength() const;
  // The body; sends "100 Continue" first when the client waits for it, so
  // call this only once the request is known to be acceptable.
  std::istream& Body();
  std::uint64_t bytes_in() const;
  // Reads what is left of the body, up to `limit` bytes, so the connection
  // can be reused. Throws ClientError `truncated` when the body ended before
  // its announced length or, chunked, before its last chunk.
  void DrainBody(std::uint64_t limit);
  // Before an error answer: reads what the client sends anyway (a body of
  // at most `limit` bytes), so that it gets the answer instead of a reset
  // connection. Never when the client waits for "100 Continue", nor after
  // LeaveBodyUnread().
  void DrainBeforeError(std::uint64_t limit);
  // This request's body must not be read at all (announced over the cap).
  void LeaveBodyUnread() { leave_unread_ = true; }

  void SendJson(int status, const std::string& json);
  void SendJson(int status, const Poco::JSON::Object::Ptr& body);
  void SendError(const ClientError& error);
  // Streams a file; `download_name` (safe characters only) goes into
  // Content-Disposition: attachment.
  void SendFile(const std::string& path, const std::string& content_type,
                const std::string& download_name);
  // Starts a 200 whose length is not known yet and returns its body's
  // stream: chunked, or up to the connection's close for an HTTP/1.0
  // client. `download_name` as for SendFile.
  std::ostream& SendStream(const std::string& content_type, const std::string& download_name);
  // The client closed its side of the connection (or it broke): nobody
  // would read what is still to be sent.
  bool ClientLeft();
  void SendText(int status, const std::string& content_type, const std::string& text);
  // 204, no body, not cached (an answer that only sets a cookie).
  void SendNoContent();

  bool sent() const;
  int status() const;

 private:
  void IdentifyClient();
  void PrepareToSend(int status);
  std::istream& RawBody();
  bool BodyCutShort() const;

  Poco::Net::HTTPServerRequest& request_;
  Poco::Net::HTTPServerResponse& response_;
  ServiceResources& service_;
  std::string client_address_;
  std::string request_id_;
  bool forwarded_https_ = false;
  std::string path_;
  std::string query_;
  std::map<std::string, std::string> params_;
  std::optional<AccessGrant> grant_;
  std::unique_ptr<ChunkedBody> chunked_;  // declared before body_, which reads it
  std::unique_ptr<CountedInput> body_;
  bool continue_sent_ = false;
  bool leave_unread_ = false;
};

}  // namespace dossier
