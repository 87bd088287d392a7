#include "server/http/RequestLog.h"

#include <Poco/DateTimeFormatter.h>
#include <Poco/Timestamp.h>

#include <chrono>

#include "processors/core/JsonWriter.h"

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

void RequestFields(JsonWriter& json, const RequestLogEntry& entry) {
  json.Key("method").String(entry.method);
  json.Key("path").String(entry.path);
  json.Key("status").Integer(entry.status);
  json.Key("ms").Number(entry.ms, 1);
  json.Key("bytes_in").Integer(static_cast<long long>(entry.bytes_in));
  json.Key("role");
  if (entry.role.empty())
    json.Null();
  else
    json.String(entry.role);
  if (!entry.error.empty()) json.Key("error").String(entry.error);
}

}  // namespace

std::string RequestLogLine(const RequestLogEntry& entry, std::int64_t unix_ms) {
  JsonWriter json;
  json.BeginObject().Key("ts").String(IsoUtc(unix_ms)).Key("event").String("http");
  RequestFields(json, entry);
  json.EndObject();
  return json.str();
}

RequestLog::RequestLog(std::ostream& out) : out_(out) {}

void RequestLog::Write(const RequestLogEntry& entry) {
  Emit(RequestLogLine(entry, NowUnixMs()));
}

void RequestLog::WriteEvent(
    const std::string& event,
    const std::initializer_list<std::pair<std::string, std::string>>& fields) {
  JsonWriter json;
  json.BeginObject().Key("ts").String(IsoUtc(NowUnixMs())).Key("event").String(event);
  for (const auto& [key, value] : fields) json.Key(key).String(value);
  json.EndObject();
  Emit(json.str());
}

void RequestLog::Emit(const std::string& line) {
  std::lock_guard<std::mutex> lock(mutex_);
  out_ << line + "\n" << std::flush;  // one write: lines of other threads stay whole
}

}  // namespace dossier
