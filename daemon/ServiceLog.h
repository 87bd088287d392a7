#pragma once

#include <string>
#include <utility>
#include <vector>

namespace dossier {

// One JSON line on stdout for a service event ({"ts", "event", fields…}),
// the format of every log line of dossierd, for log collectors. The line is
// valid JSON in valid UTF-8 whatever bytes the fields hold (JsonText).
void LogEvent(const std::string& event,
              const std::vector<std::pair<std::string, std::string>>& fields);

}  // namespace dossier
