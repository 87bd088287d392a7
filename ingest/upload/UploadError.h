#pragma once

#include <stdexcept>
#include <string>

namespace dossier {

// An upload the service answers with an error: the HTTP status, a machine
// code for clients ("too_large", "format", …) and a French sentence for the
// candidate. Nothing of a refused request stays in the store or the database.
class UploadError : public std::runtime_error {
 public:
  UploadError(int http_status, std::string code, std::string message, int retry_after = 0)
      : std::runtime_error(message),
        http_status_(http_status),
        code_(std::move(code)),
        retry_after_(retry_after) {}
  int http_status() const { return http_status_; }
  const std::string& code() const { return code_; }
  int retry_after() const { return retry_after_; }  // seconds, for 503

 private:
  int http_status_;
  std::string code_;
  int retry_after_;
};

}  // namespace dossier
