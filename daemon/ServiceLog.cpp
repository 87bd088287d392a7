#include "daemon/ServiceLog.h"

#include <Poco/DateTimeFormatter.h>
#include <Poco/Timestamp.h>

#include <iostream>

#include "processors/core/JsonWriter.h"

namespace dossier {

void LogEvent(const std::string& event,
              const std::vector<std::pair<std::string, std::string>>& fields) {
  JsonWriter json;
  json.BeginObject()
      .Key("ts")
      .String(Poco::DateTimeFormatter::format(Poco::Timestamp(), "%Y-%m-%dT%H:%M:%S.%iZ"))
      .Key("event")
      .String(event);
  // Values may hold any bytes (an error from the database, a path): JsonWriter
  // keeps the line valid JSON in valid UTF-8.
  for (const auto& [key, value] : fields) json.Key(key).String(value);
  json.EndObject();
  std::cout << json.str() + "\n" << std::flush;
}

}  // namespace dossier
