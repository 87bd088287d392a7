#include "daemon/DaemonOptions.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <stdexcept>

namespace dossier {

const char* const kDaemonUsage =
    "usage: dossierd [--role all|server|worker] [--port N] [--bind ADDR] [--data-dir DIR]\n"
    "                [--db URL] [--workers N] [--policy FILE] [--smtp smtp://host:port?from=ADDR]\n"
    "                [--max-attempts N] [--job-timeout S] [--lease S] [--retry-backoff-ms N]\n"
    "                [--queue-bound N] [--max-file-mb N] [--max-request-mb N] [--min-free-mb N]\n"
    "                [--web-dir DIR]\n"
    "                [--upload-burst N] [--upload-interval-seconds S] [--max-candidature-mb N]\n"
    "                [--kept-versions N] [--public-url URL]\n"
    "                [--head-timeout S] [--max-serving-per-address N] [--max-waiting-per-address "
    "N]\n"
    "                [--max-document-programs N] [--trusted-proxies CIDR,...]\n"
    "environment: DOSSIER_PORT, DOSSIER_DATA_DIR, DOSSIER_DB, DOSSIER_WORKERS, DOSSIER_SMTP,\n"
    "             DOSSIER_WEB_DIR, DOSSIER_PUBLIC_URL, DOSSIER_TRUSTED_PROXIES\n"
    "  --role all     HTTP server and worker processes (default)\n"
    "  --role server  HTTP only; workers run elsewhere against the same database\n"
    "  --role worker  worker processes only\n"
    "  --web-dir DIR  serve the web pages from DIR (server/web) instead of the built-in copy\n"
    "  --trusted-proxies CIDR,...  reverse proxies (e.g. 127.0.0.1,10.0.0.0/8,::1) whose\n"
    "                 X-Forwarded-For, X-Forwarded-Proto and X-Request-Id are believed;\n"
    "                 default: none, the client is the connecting address\n"
    "  --upload-burst N  uploads a candidature may send at once (8), then one every\n"
    "                    --upload-interval-seconds S (10; 0: no limit); beyond, 429\n"
    "  --max-candidature-mb N  originals a candidature may keep (200), counting the\n"
    "                    --kept-versions N last versions of each pièce (3); beyond, 413\n"
    "  --public-url URL  the service's address as candidates reach it (https://…): mails\n"
    "                    link to the candidate page under it; none: they do not link\n"
    "  --head-timeout S  a request line and its headers must arrive within S seconds (10)\n"
    "  --max-serving-per-address N  requests served at once for one client address (32)\n"
    "  --max-waiting-per-address N  connections still sending their head, per address (256)\n"
    "  --max-document-programs N  dossier PDFs and récépissés drawn at once (the cores);\n"
    "                    more requests wait 30 s for one, then 503\n";

namespace {

// A list that names a proxy wrongly would silently believe nobody (or
// somebody else): refused at start, naming the bad entry.
TrustedProxies TrustedProxiesFrom(const std::string& flag, const std::string& value) {
  try {
    return TrustedProxies::Parse(value);
  } catch (const std::invalid_argument& bad) {
    throw UsageError(flag + ": " + bad.what());
  }
}

long Number(const std::string& flag, const std::string& value, long min, long max) {
  try {
    std::size_t used = 0;
    long number = std::stol(value, &used);
    if (used == value.size() && number >= min && number <= max) return number;
  } catch (const std::exception&) {
  }
  throw UsageError(flag + " expects a number between " + std::to_string(min) + " and " +
                   std::to_string(max) + ", got '" + value + "'");
}

DaemonRole ParseRole(const std::string& value) {
  if (value == "all") return DaemonRole::All;
  if (value == "server") return DaemonRole::Server;
  if (value == "worker") return DaemonRole::Worker;
  throw UsageError("--role must be all, server or worker, got '" + value + "'");
}

std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

using Setter = std::function<void(DaemonOptions&, const std::string&)>;

const std::map<std::string, Setter>& Setters() {
  static const std::map<std::string, Setter> setters = {
      {"--role", [](DaemonOptions& o, const std::string& v) { o.role = ParseRole(v); }},
      {"--port",
       [](DaemonOptions& o, const std::string& v) {
         o.server.port = static_cast<int>(Number("--port", v, 0, 65535));
       }},
      {"--bind", [](DaemonOptions& o, const std::string& v) { o.server.bind_address = v; }},
      {"--data-dir", [](DaemonOptions& o, const std::string& v) { o.data_dir = v; }},
      {"--db", [](DaemonOptions& o, const std::string& v) { o.db = v; }},
      {"--policy", [](DaemonOptions& o, const std::string& v) { o.policy_file = v; }},
      {"--smtp", [](DaemonOptions& o, const std::string& v) { o.smtp = v; }},
      {"--web-dir", [](DaemonOptions& o, const std::string& v) { o.server.web_dir = v; }},
      {"--public-url",
       [](DaemonOptions& o, const std::string& v) {
         o.server.public_url = v;
         o.workers.public_url = v;
       }},
      {"--trusted-proxies",
       [](DaemonOptions& o, const std::string& v) {
         o.server.gate.trusted_proxies = TrustedProxiesFrom("--trusted-proxies", v);
       }},
      {"--head-timeout",
       [](DaemonOptions& o, const std::string& v) {
         o.server.gate.head_timeout_seconds = static_cast<int>(Number("--head-timeout", v, 1, 600));
       }},
      {"--max-serving-per-address",
       [](DaemonOptions& o, const std::string& v) {
         o.server.gate.max_serving_per_address =
             static_cast<int>(Number("--max-serving-per-address", v, 1, 100'000));
       }},
      {"--max-waiting-per-address",
       [](DaemonOptions& o, const std::string& v) {
         o.server.gate.max_waiting_per_address =
             static_cast<int>(Number("--max-waiting-per-address", v, 1, 1'000'000));
       }},
      {"--max-document-programs",
       [](DaemonOptions& o, const std::string& v) {
         o.server.max_document_programs =
             static_cast<int>(Number("--max-document-programs", v, 1, 256));
       }},
      {"--workers",
       [](DaemonOptions& o, const std::string& v) {
         o.workers.processes = static_cast<int>(Number("--workers", v, 0, 256));
       }},
      {"--max-attempts",
       [](DaemonOptions& o, const std::string& v) {
         o.workers.max_attempts = static_cast<int>(Number("--max-attempts", v, 1, 100));
       }},
      {"--job-timeout",
       [](DaemonOptions& o, const std::string& v) {
         o.workers.job_timeout = std::chrono::seconds(Number("--job-timeout", v, 1, 3600));
       }},
      {"--lease",
       [](DaemonOptions& o, const std::string& v) {
         o.workers.lease = std::chrono::seconds(Number("--lease", v, 2, 3600));
         o.workers.heartbeat = std::max(std::chrono::seconds(1), o.workers.lease / 6);
       }},
      {"--retry-backoff-ms",
       [](DaemonOptions& o, const std::string& v) {
         o.workers.backoff_base =
             std::chrono::milliseconds(Number("--retry-backoff-ms", v, 0, 3'600'000));
       }},
      {"--queue-bound",
       [](DaemonOptions& o, const std::string& v) {
         o.server.queue_bound = static_cast<int>(Number("--queue-bound", v, 1, 100'000'000));
       }},
      {"--max-file-mb",
       [](DaemonOptions& o, const std::string& v) {
         o.server.upload.max_file_bytes = Number("--max-file-mb", v, 1, 10'000) * 1'000'000ull;
       }},
      {"--max-request-mb",
       [](DaemonOptions& o, const std::string& v) {
         o.server.upload.max_request_bytes =
             Number("--max-request-mb", v, 1, 100'000) * 1'000'000ull;
       }},
      {"--min-free-mb",
       [](DaemonOptions& o, const std::string& v) {
         o.server.upload.min_free_bytes = Number("--min-free-mb", v, 0, 100'000'000) << 20;
       }},
      {"--upload-burst",
       [](DaemonOptions& o, const std::string& v) {
         o.server.quota.upload_burst = static_cast<int>(Number("--upload-burst", v, 1, 10'000));
       }},
      {"--upload-interval-seconds",
       [](DaemonOptions& o, const std::string& v) {
         o.server.quota.upload_interval_seconds =
             static_cast<int>(Number("--upload-interval-seconds", v, 0, 86'400));
       }},
      {"--max-candidature-mb",
       [](DaemonOptions& o, const std::string& v) {
         o.server.quota.max_kept_bytes =
             Number("--max-candidature-mb", v, 1, 1'000'000) * 1'000'000ull;
       }},
      {"--kept-versions",
       [](DaemonOptions& o, const std::string& v) {
         o.server.quota.kept_versions = static_cast<int>(Number("--kept-versions", v, 1, 1'000));
       }},
  };
  return setters;
}

void ApplyEnvironment(DaemonOptions& options, bool trusted_proxies_flag) {
  if (!trusted_proxies_flag && !Env("DOSSIER_TRUSTED_PROXIES").empty())
    options.server.gate.trusted_proxies =
        TrustedProxiesFrom("DOSSIER_TRUSTED_PROXIES", Env("DOSSIER_TRUSTED_PROXIES"));
  if (!Env("DOSSIER_PORT").empty())
    options.server.port = static_cast<int>(Number("DOSSIER_PORT", Env("DOSSIER_PORT"), 0, 65535));
  if (!Env("DOSSIER_WORKERS").empty())
    options.workers.processes =
        static_cast<int>(Number("DOSSIER_WORKERS", Env("DOSSIER_WORKERS"), 0, 256));
  if (options.data_dir.empty()) options.data_dir = Env("DOSSIER_DATA_DIR");
  if (options.data_dir.empty()) options.data_dir = "data";
  if (options.db.empty()) options.db = Env("DOSSIER_DB");
  if (options.smtp.empty()) options.smtp = Env("DOSSIER_SMTP");
  if (options.server.web_dir.empty()) options.server.web_dir = Env("DOSSIER_WEB_DIR");
  if (options.server.public_url.empty())
    options.server.public_url = options.workers.public_url = Env("DOSSIER_PUBLIC_URL");
}

// A mistyped --web-dir would serve 404 for every page: said at start instead.
void RequireWebDir(const std::string& web_dir) {
  std::error_code error;
  if (!web_dir.empty() && !std::filesystem::is_directory(web_dir, error))
    throw UsageError("--web-dir (or DOSSIER_WEB_DIR) '" + web_dir + "' is not a folder");
}

}  // namespace

DaemonOptions ParseDaemonOptions(const std::vector<std::string>& args) {
  DaemonOptions options;
  options.workers.processes = static_cast<int>(std::max(1L, sysconf(_SC_NPROCESSORS_ONLN)));
  std::map<std::string, std::string> flags;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--worker-process") {
      options.role = DaemonRole::WorkerProcess;
      continue;
    }
    if (!Setters().count(args[i])) throw UsageError("unknown option '" + args[i] + "'");
    if (i + 1 >= args.size()) throw UsageError(args[i] + " needs a value");
    flags[args[i]] = args[i + 1];
    ++i;
  }
  bool environment_port = flags.count("--port") == 0;
  bool environment_workers = flags.count("--workers") == 0;
  DaemonRole role = options.role;
  for (const auto& [flag, value] : flags) Setters().at(flag)(options, value);
  if (role == DaemonRole::WorkerProcess) options.role = role;
  int port = options.server.port, workers = options.workers.processes;
  ApplyEnvironment(options, flags.count("--trusted-proxies") > 0);
  if (!environment_port) options.server.port = port;  // a flag beats the environment
  if (!environment_workers) options.workers.processes = workers;
  RequireWebDir(options.server.web_dir);
  return options;
}

std::vector<std::string> WorkerProcessArgs(const DaemonOptions& options) {
  const WorkerSettings& w = options.workers;
  std::vector<std::string> args = {
      "--worker-process",
      "--data-dir",
      options.data_dir,
      "--max-attempts",
      std::to_string(w.max_attempts),
      "--job-timeout",
      std::to_string(w.job_timeout.count()),
      "--lease",
      std::to_string(w.lease.count()),
      "--retry-backoff-ms",
      std::to_string(w.backoff_base.count()),
  };
  if (!w.public_url.empty()) {
    args.push_back("--public-url");
    args.push_back(w.public_url);
  }
  if (!options.policy_file.empty()) {
    args.push_back("--policy");
    args.push_back(options.policy_file);
  }
  return args;
}

}  // namespace dossier
