#pragma once

#include <Poco/JSON/Object.h>

#include <stdexcept>
#include <string>

namespace dossier {

// A request the service answers with an error: the HTTP status, a machine
// code for clients ("forbidden", "pieces_missing", …), a French sentence for
// the person in front of the page, and Retry-After for 503. Routes throw it;
// the dispatcher turns it into `{"error": code, "message": …}`.
class HttpError : public std::runtime_error {
 public:
  HttpError(int status, std::string code, std::string message, int retry_after = 0);

  int status() const { return status_; }
  const std::string& code() const { return code_; }
  const std::string& message() const { return message_; }
  int retry_after() const { return retry_after_; }  // seconds; 0: no header

  // An extra member of the error body, e.g. the codes of the missing pièces.
  HttpError& With(const std::string& key, const Poco::Dynamic::Var& value);
  // The error body as JSON text.
  std::string Body() const;

 private:
  int status_;
  std::string code_;
  std::string message_;
  int retry_after_;
  Poco::JSON::Object::Ptr extra_;
};

// `{"error": code, "message": message}`, the shape of every error body.
std::string ErrorBody(const std::string& code, const std::string& message);

}  // namespace dossier
