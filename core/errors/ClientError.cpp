#include "core/errors/ClientError.h"

#include <utility>

namespace dossier {

ClientError::ClientError(ErrorCode code, std::string message, std::string context)
    : std::runtime_error(std::string(ErrorCodeName(code)) + ": " + message +
                         (context.empty() ? "" : " (" + context + ")")),
      code_(code),
      message_(std::move(message)),
      context_(std::move(context)) {}

ClientError& ClientError::RetryAfter(int seconds) {
  retry_after_ = seconds;
  return *this;
}

ClientError& ClientError::With(const std::string& key, std::vector<std::string> values) {
  lists_[key] = std::move(values);
  return *this;
}

}  // namespace dossier
