#include "server/http/HttpError.h"

#include "server/http/JsonText.h"

namespace dossier {

HttpError::HttpError(int status, std::string code, std::string message, int retry_after)
    : std::runtime_error(code + ": " + message),
      status_(status),
      code_(std::move(code)),
      message_(std::move(message)),
      retry_after_(retry_after),
      extra_(NewJsonObject()) {}

HttpError& HttpError::With(const std::string& key, const Poco::Dynamic::Var& value) {
  extra_->set(key, value);
  return *this;
}

std::string HttpError::Body() const {
  Poco::JSON::Object::Ptr body = NewJsonObject();
  body->set("error", code_);
  body->set("message", message_);
  for (const std::string& key : extra_->getNames()) body->set(key, extra_->get(key));
  return JsonText(body);
}

std::string ErrorBody(const std::string& code, const std::string& message) {
  return HttpError(0, code, message).Body();
}

}  // namespace dossier
