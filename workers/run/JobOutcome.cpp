#include "workers/run/JobOutcome.h"

#include "processors/core/JsonWriter.h"
#include "workers/run/UtcTimestamp.h"

namespace dossier {
namespace {

void StringOrNull(JsonWriter& json, const char* key, const std::string& value) {
  json.Key(key);
  value.empty() ? json.Null() : json.String(value);
}

}  // namespace

std::string JobLogLine(const JobOutcome& outcome) {
  JsonWriter json;
  // clang-format off
  json.BeginObject()
      .Key("ts").String(UtcTimestamp())
      .Key("event").String("job")
      .Key("job").Integer(outcome.job);
  StringOrNull(json, "candidature", outcome.candidature);
  StringOrNull(json, "piece", outcome.piece);
  json.Key("version").Integer(outcome.version)
      .Key("attempt").Integer(outcome.attempt)
      .Key("worker").String(outcome.worker)
      .Key("outcome").String(outcome.outcome);
  // clang-format on
  StringOrNull(json, "status", outcome.status);
  StringOrNull(json, "reason", outcome.reason);
  StringOrNull(json, "ine", outcome.ine);
  json.Key("ms").Integer(static_cast<long long>(outcome.ms + 0.5));
  if (!outcome.error.empty()) json.Key("error").String(outcome.error);
  json.EndObject();
  return json.str();
}

}  // namespace dossier
