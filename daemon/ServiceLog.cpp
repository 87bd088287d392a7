#include "daemon/ServiceLog.h"

#include <Poco/DateTimeFormatter.h>
#include <Poco/JSON/Object.h>
#include <Poco/Timestamp.h>

#include <iostream>

#include "core/json/JsonText.h"

namespace dossier {

void LogEvent(const std::string& event,
              const std::vector<std::pair<std::string, std::string>>& fields) {
  Poco::JSON::Object line(Poco::JSON_PRESERVE_KEY_ORDER);
  line.set("ts", Poco::DateTimeFormatter::format(Poco::Timestamp(), "%Y-%m-%dT%H:%M:%S.%iZ"));
  line.set("event", event);
  // Values may hold any bytes (an error from the database, a path): JsonText
  // keeps the line valid JSON in valid UTF-8.
  for (const auto& [key, value] : fields) line.set(key, value);
  std::cout << JsonText(line) + "\n" << std::flush;
}

}  // namespace dossier
