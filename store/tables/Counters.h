#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace sql {
class Connection;
}

namespace dossier {

// Counters shared by every process of the service (a worker restart counted
// by a supervisor on another machine shows in the server's /metrics).
void AddToCounter(sql::Connection& connection, const std::string& name, std::int64_t delta = 1);
std::map<std::string, std::int64_t> ReadCounters(sql::Connection& connection);

}  // namespace dossier
