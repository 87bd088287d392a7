#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/errors/ErrorCode.h"

namespace dossier {

// The one error a client is answered with, whoever finds it (the gate, a
// route, ingest, the workflow): a machine code, the French sentence for the
// person in front of the page (core/messages), and context for the log (the
// candidature, the pièce, the limit crossed) that is never shown. What it
// becomes on the wire (an HTTP status, Retry-After) is decided at the edge.
class ClientError : public std::runtime_error {
 public:
  ClientError(ErrorCode code, std::string message, std::string context = {});

  ErrorCode code() const { return code_; }
  const char* code_name() const { return ErrorCodeName(code_); }
  const std::string& message() const { return message_; }
  const std::string& context() const { return context_; }

  // Seconds after which the same request may succeed (a rate, a busy
  // service); 0 when waiting would not help.
  int retry_after() const { return retry_after_; }
  ClientError& RetryAfter(int seconds);

  // A list the client needs to act, e.g. the codes of the missing pièces
  // under "pieces".
  ClientError& With(const std::string& key, std::vector<std::string> values);
  const std::map<std::string, std::vector<std::string>>& lists() const { return lists_; }

 private:
  ErrorCode code_;
  std::string message_;
  std::string context_;
  int retry_after_ = 0;
  std::map<std::string, std::vector<std::string>> lists_;
};

}  // namespace dossier
