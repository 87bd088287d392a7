#pragma once

#include <cstdint>
#include <mutex>
#include <ostream>
#include <string>

namespace dossier {

// What the log keeps of one request: never a token, a body or a query
// string (they may carry personal data).
struct RequestLogEntry {
  std::string method;
  std::string path;  // without the query string
  int status = 0;
  double ms = 0;
  std::uint64_t bytes_in = 0;
  std::string role;        // "" before authentication
  std::string error;       // why a 500 or 503 happened; "" otherwise (not in the line then)
  std::string error_code;  // the machine code of a 4xx/5xx answer ("" otherwise: not in the line)
  std::string request_id;  // also the answer's X-Request-Id
  std::string ip;          // the client (ClientAddressOf), "" when unknown
};

// {"ts","event":"http","request_id","ip","method","path","status","ms",
// "bytes_in","role"} (+ "error_code", "error"): one JSON line, as every log line of dossierd, valid
// UTF-8 whatever bytes the path holds (JsonText). `unix_ms`: when the request ended. E-mail
// addresses in `error` are masked (MaskedEmails).
std::string RequestLogLine(const RequestLogEntry& entry, std::int64_t unix_ms);

// The request log: one line per request, whole lines even when request
// threads finish together.
class RequestLog {
 public:
  explicit RequestLog(std::ostream& out);
  void Write(const RequestLogEntry& entry);
  // Any other service event of the HTTP side, with string fields (e-mail
  // addresses masked).
  void WriteEvent(const std::string& event,
                  const std::initializer_list<std::pair<std::string, std::string>>& fields);

 private:
  void Emit(const std::string& line);
  std::mutex mutex_;
  std::ostream& out_;
};

}  // namespace dossier
