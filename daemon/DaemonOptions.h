#pragma once

#include <string>
#include <vector>

#include "core/errors/UsageError.h"
#include "ingest/upload/UploadLimits.h"
#include "server/ServerSettings.h"
#include "workers/WorkerSettings.h"

namespace dossier {

// What one dossierd process does. `all` (the default) serves HTTP and
// supervises local workers; `server` and `worker` split them across
// machines that share the database and the data directory. WorkerProcess
// is the `--worker-process` flag the supervisor puts on dossier-worker's
// command line (it names the process in `ps`); dossierd refuses it.
enum class DaemonRole { All, Server, Worker, WorkerProcess };

struct DaemonOptions {
  DaemonRole role = DaemonRole::All;
  std::string data_dir;
  std::string db;           // URL; empty: DOSSIER_DB, then the private MariaDB
  std::string policy_file;  // empty: the built-in policy
  std::string smtp;         // empty: notifications go to the log
  ServerSettings server;
  WorkerSettings workers;
};

// Flags first, then the environment (DOSSIER_PORT, DOSSIER_DATA_DIR,
// DOSSIER_DB, DOSSIER_WORKERS, DOSSIER_SMTP, DOSSIER_WEB_DIR, DOSSIER_PUBLIC_URL,
// DOSSIER_TRUSTED_PROXIES),
// then defaults.
DaemonOptions ParseDaemonOptions(const std::vector<std::string>& args);

// The flags that give a worker process (dossier-worker) the same settings
// as its supervisor; it parses them with ParseDaemonOptions.
std::vector<std::string> WorkerProcessArgs(const DaemonOptions& options);

extern const char* const kDaemonUsage;

}  // namespace dossier
