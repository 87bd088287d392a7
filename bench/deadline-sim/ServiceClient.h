// One HTTP connection to dossierd, kept alive between requests (Poco
// HTTPClientSession). Not thread-safe: one per thread.
#pragma once

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/URI.h>

#include <string>
#include <utility>
#include <vector>

namespace dossier::sim {

struct HttpRequestSpec {
  std::string method;
  std::string path;
  std::string token;  // bearer token, none when empty
  std::vector<std::pair<std::string, std::string>> headers;
  std::string content_type;
  const std::string* body = nullptr;  // not copied: the reference bodies are megabytes
  // The sender's uplink: the body is written at this pace (0: as fast as
  // the connection takes it).
  double body_bytes_per_s = 0;
};

struct HttpAnswer {
  int status = 0;  // 0 when the connection failed
  std::string body;
  std::string connection_error;  // what failed, when status is 0
  // From the last byte of the body written to the status line read: what
  // the sender waits once its upload is sent (-1 when it never got there).
  double wait_after_body_ms = -1;
  int retry_after_s = 0;  // the Retry-After of a 429 or 503, 0 without one
};

class ServiceClient {
 public:
  explicit ServiceClient(const Poco::URI& base);

  // One attempt; after a connection error the next request reconnects.
  HttpAnswer Send(const HttpRequestSpec& spec);

  // Send, and once more if the connection failed (not on an HTTP error).
  // `retried` says whether the second attempt was needed.
  HttpAnswer SendWithRetry(const HttpRequestSpec& spec, bool* retried);

  // Closes the connection (the next request opens a new one).
  void Close() { session_.reset(); }

 private:
  HttpAnswer Exchange(const HttpRequestSpec& spec);

  Poco::Net::HTTPClientSession session_;
};

}  // namespace dossier::sim
