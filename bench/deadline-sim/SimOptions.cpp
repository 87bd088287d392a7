#include "bench/deadline-sim/SimOptions.h"

#include <unistd.h>

#include <chrono>
#include <climits>
#include <cstdlib>
#include <functional>
#include <map>

namespace dossier::sim {
namespace {

double Number(const std::string& flag, const std::string& value, double low, double high) {
  char* end = nullptr;
  double number = std::strtod(value.c_str(), &end);
  if (value.empty() || *end != '\0' || !(number >= low && number <= high))
    throw SimUsageError(flag + " expects a number in [" + std::to_string(low) + ", " +
                        std::to_string(high) + "], got '" + value + "'");
  return number;
}

int Count(const std::string& flag, const std::string& value, int low) {
  double number = Number(flag, value, low, INT_MAX);
  if (number != static_cast<int>(number)) throw SimUsageError(flag + " expects a whole number");
  return static_cast<int>(number);
}

// Directory of this executable, so `dossier` is found beside it by default.
std::string SelfDirectory() {
  char path[4096];
  ssize_t length = readlink("/proc/self/exe", path, sizeof path - 1);
  if (length <= 0) return ".";
  std::string self(path, static_cast<std::size_t>(length));
  return self.substr(0, self.find_last_of('/'));
}

using Setter = std::function<void(SimOptions&, const std::string&)>;

const std::map<std::string, Setter>& Setters() {
  static const std::map<std::string, Setter> setters = {
      {"--url", [](SimOptions& o, const std::string& v) { o.url = v; }},
      {"--dossiers",
       [](SimOptions& o, const std::string& v) { o.dossiers = Count("--dossiers", v, 1); }},
      {"--concurrency",
       [](SimOptions& o, const std::string& v) { o.concurrency = Count("--concurrency", v, 1); }},
      {"--peer-dossiers",
       [](SimOptions& o, const std::string& v) {
         o.peer_dossiers = Count("--peer-dossiers", v, 0);
       }},
      {"--json", [](SimOptions& o, const std::string& v) { o.json_path = v; }},
      {"--data-dir", [](SimOptions& o, const std::string& v) { o.data_dir = v; }},
      {"--admin-token", [](SimOptions& o, const std::string& v) { o.admin_token = v; }},
      {"--steady-rate",
       [](SimOptions& o, const std::string& v) {
         o.steady_rate = Number("--steady-rate", v, 0.001, 1e4);
       }},
      {"--surge-factor",
       [](SimOptions& o, const std::string& v) {
         o.surge_factor = Number("--surge-factor", v, 1, 1e4);
       }},
      {"--surge-at",
       [](SimOptions& o, const std::string& v) { o.surge_at = Number("--surge-at", v, 0, 1); }},
      {"--max-seconds",
       [](SimOptions& o, const std::string& v) {
         o.max_seconds = Number("--max-seconds", v, 1, 1e6);
       }},
      {"--fixtures", [](SimOptions& o, const std::string& v) { o.fixtures_dir = v; }},
      {"--dossier-bin", [](SimOptions& o, const std::string& v) { o.dossier_bin = v; }},
      {"--watch-pid",
       [](SimOptions& o, const std::string& v) {
         o.watch_pids.push_back(Count("--watch-pid", v, 1));
       }},
      {"--id-prefix", [](SimOptions& o, const std::string& v) { o.id_prefix = v; }},
      {"--uplink-mbit",
       [](SimOptions& o, const std::string& v) {
         o.uplink_mbit = Number("--uplink-mbit", v, 0, 1e5);
       }},
  };
  return setters;
}

void CheckRequired(const SimOptions& options) {
  if (options.url.empty()) throw SimUsageError("--url is required");
  if (options.dossiers == 0) throw SimUsageError("--dossiers is required");
  if (options.concurrency == 0) throw SimUsageError("--concurrency is required");
  if (options.json_path.empty()) throw SimUsageError("--json is required");
  if (options.data_dir.empty() && options.admin_token.empty())
    throw SimUsageError("--data-dir (to mint tokens) or --admin-token is required");
}

// Candidature ids must not collide with an earlier run on the same database.
std::string DefaultIdPrefix() {
  auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
      std::chrono::system_clock::now().time_since_epoch());
  return "SIM" + std::to_string(seconds.count());
}

}  // namespace

std::string SimUsage() {
  return "usage: deadline-sim --url URL --dossiers N --concurrency C [--peer-dossiers M] --json "
         "FILE\n"
         "                    (--data-dir DIR | --admin-token T) [--steady-rate R]\n"
         "                    [--surge-factor F] [--surge-at FRACTION] [--max-seconds S]\n"
         "                    [--fixtures DIR] [--dossier-bin PATH] [--watch-pid PID]...\n"
         "                    [--id-prefix P] [--uplink-mbit R]\n";
}

SimOptions ParseSimOptions(int argc, char** argv) {
  SimOptions options;
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i];
    auto setter = Setters().find(flag);
    if (setter == Setters().end()) throw SimUsageError("unknown flag '" + flag + "'");
    if (i + 1 >= argc) throw SimUsageError(flag + " needs a value");
    setter->second(options, argv[++i]);
  }
  CheckRequired(options);
  if (options.dossier_bin.empty()) options.dossier_bin = SelfDirectory() + "/dossier";
  if (options.id_prefix.empty()) options.id_prefix = DefaultIdPrefix();
  return options;
}

}  // namespace dossier::sim
