#pragma once

#include <Poco/JSON/Object.h>

#include <map>
#include <string>
#include <vector>

namespace dossier::test {

struct ApiResponse {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // lower-case names
  Poco::JSON::Object::Ptr Json() const;        // throws when the body is not an object
};

struct UploadPart {
  std::string name;  // the file name the browser sends
  std::string bytes;
};

// Speaks to a running dossierd over a real TCP socket, as curl or a browser
// would. Connection failures come back as status 0.
class ApiClient {
 public:
  explicit ApiClient(int port) : port_(port) {}
  void set_port(int port) { port_ = port; }

  ApiResponse Request(const std::string& method, const std::string& path,
                      const std::string& token = "", const std::string& body = "",
                      const std::string& content_type = "application/json",
                      const std::map<std::string, std::string>& headers = {}) const;
  // A multipart/form-data body with one `file` part per entry.
  ApiResponse Upload(const std::string& candidature, const std::string& piece,
                     const std::string& token, const std::vector<UploadPart>& files,
                     const std::string& idempotency_key = "") const;
  static std::string MultipartBody(const std::vector<UploadPart>& files,
                                   const std::string& boundary);

 private:
  int port_;
};

}  // namespace dossier::test
