#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/errors/ClientError.h"

namespace dossier {

// What a client error becomes on the wire, whoever answers it: a route
// through Poco's response, or the gate writing raw bytes before any thread
// runs. The status comes from HttpStatusOf; the body is always
// `{"error": code, "message": sentence}` followed by the error's lists.
struct ErrorAnswer {
  int status = 500;
  std::vector<std::pair<std::string, std::string>> headers;  // Retry-After, WWW-Authenticate
  std::string body;                                          // JSON text
};

ErrorAnswer AnswerTo(const ClientError& error);

}  // namespace dossier
