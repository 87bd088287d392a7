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
};

struct HttpAnswer {
  int status = 0;  // 0 when the connection failed
  std::string body;
  std::string connection_error;  // what failed, when status is 0
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
