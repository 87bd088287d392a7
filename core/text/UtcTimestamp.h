#pragma once

#include <string>

namespace dossier {

// Now as ISO 8601 in UTC with milliseconds, "2025-03-14T09:26:53.589Z": the
// `ts` of every log line, comparable across machines.
std::string UtcTimestamp();

}  // namespace dossier
