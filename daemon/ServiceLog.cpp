#include "daemon/ServiceLog.h"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/JSON/Object.h>
#include <Poco/Timestamp.h>

#include <iostream>
#include <sstream>

namespace dossier {

void LogEvent(const std::string& event,
              const std::vector<std::pair<std::string, std::string>>& fields) {
  Poco::JSON::Object line(Poco::JSON_PRESERVE_KEY_ORDER);
  line.set("ts", Poco::DateTimeFormatter::format(Poco::Timestamp(), "%Y-%m-%dT%H:%M:%S.%iZ"));
  line.set("event", event);
  for (const auto& [key, value] : fields) line.set(key, value);
  std::ostringstream text;
  line.stringify(text);
  std::cout << text.str() + "\n" << std::flush;
}

}  // namespace dossier
