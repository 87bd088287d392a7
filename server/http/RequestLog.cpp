#include "server/http/RequestLog.h"

#include <Poco/DateTimeFormatter.h>
#include <Poco/JSON/Object.h>
#include <Poco/Timestamp.h>

#include <chrono>

#include "core/json/JsonDecimal.h"
#include "core/json/JsonStringOrNull.h"
#include "core/json/JsonText.h"
#include "server/http/MaskedEmails.h"

namespace dossier {
namespace {

std::string IsoUtc(std::int64_t unix_ms) {
  return Poco::DateTimeFormatter::format(Poco::Timestamp(unix_ms * 1000), "%Y-%m-%dT%H:%M:%S.%iZ");
}

std::int64_t NowUnixMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// {"ts", "event"}, the start of every line of the HTTP side.
Poco::JSON::Object LogLine(std::int64_t unix_ms, const std::string& event) {
  Poco::JSON::Object line(Poco::JSON_PRESERVE_KEY_ORDER);
  line.set("ts", IsoUtc(unix_ms));
  line.set("event", event);
  return line;
}

}  // namespace

std::string RequestLogLine(const RequestLogEntry& entry, std::int64_t unix_ms) {
  Poco::JSON::Object line = LogLine(unix_ms, "http");
  line.set("request_id", entry.request_id);
  line.set("ip", JsonStringOrNull(entry.ip));
  line.set("method", entry.method);
  line.set("path", entry.path);
  line.set("status", entry.status);
  line.set("ms", JsonDecimal(entry.ms, 1));
  line.set("bytes_in", entry.bytes_in);
  line.set("role", JsonStringOrNull(entry.role));
  if (!entry.error_code.empty()) line.set("error_code", entry.error_code);
  if (!entry.error.empty()) line.set("error", MaskedEmails(entry.error));
  return JsonText(line);
}

RequestLog::RequestLog(std::ostream& out) : out_(out) {}

void RequestLog::Write(const RequestLogEntry& entry) {
  Emit(RequestLogLine(entry, NowUnixMs()));
}

void RequestLog::WriteEvent(
    const std::string& event,
    const std::initializer_list<std::pair<std::string, std::string>>& fields) {
  Poco::JSON::Object line = LogLine(NowUnixMs(), event);
  for (const auto& [key, value] : fields) line.set(key, MaskedEmails(value));
  Emit(JsonText(line));
}

void RequestLog::Emit(const std::string& line) {
  std::lock_guard<std::mutex> lock(mutex_);
  out_ << line + "\n" << std::flush;  // one write: lines of other threads stay whole
}

}  // namespace dossier
