#include "daemon/Daemon.h"

#include <cppconn/exception.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <thread>

#include "daemon/ServiceLog.h"
#include "daemon/ServicePolicy.h"
#include "server/HttpService.h"
#include "server/auth/TokenKeyFiles.h"
#include "server/notify/OutboxDelivery.h"
#include "store/blobs/BlobStore.h"
#include "store/db/ConnectionPool.h"
#include "store/db/DatabaseLocation.h"
#include "store/db/Migrations.h"
#include "workers/supervisor/WorkerSupervisor.h"
#include "workflow/policy/PieceTypesTable.h"

namespace dossier {
namespace {

// Files of tmp/ older than this were left by a crash. An upload or a job in
// progress, in this process or another sharing the data directory (NFS),
// writes to its file continuously and is finished within minutes; an age,
// unlike a lock, needs nothing from the other machines.
constexpr std::chrono::hours kStaleTemporaryAge{1};

void RemoveStaleTemporaries(const BlobStore& store) {
  int removed = store.RemoveStaleTemporaries(kStaleTemporaryAge);
  if (removed > 0)
    LogEvent("stale_temporaries_removed",
             {{"files", std::to_string(removed)}, {"dir", store.data_dir() + "/tmp"}});
}

// The database may still be starting (scripts/run.sh, a restart of the
// machine): retry for a while before giving up.
void MigrateWhenReachable(const DatabaseUrl& url) {
  for (int attempt = 1;; ++attempt) {
    try {
      MigrationResult result = Migrate(url);
      for (int version : result.applied)
        LogEvent("migration", {{"version", std::to_string(version)}});
      return;
    } catch (const sql::SQLException& error) {
      if (attempt >= 60) throw;
      if (attempt == 1) LogEvent("waiting_for_database", {{"error", error.what()}});
      std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
  }
}

std::string SiblingBinary(const std::string& name) {
  char self[4096] = {};
  ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
  std::string path(self, n > 0 ? static_cast<std::size_t>(n) : 0);
  return path.substr(0, path.find_last_of('/') + 1) + name;
}

// Blocks the stop signals in every thread to come; the main thread then
// waits for one with sigwait.
sigset_t BlockStopSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  signal(SIGPIPE, SIG_IGN);  // a client that hangs up must not end the service
  return signals;
}

int WaitForStopSignal(const sigset_t& signals) {
  int received = 0;
  sigwait(&signals, &received);
  return received;
}

// The worker processes are the sibling binary dossier-worker: the document
// engines are mapped there, never in this process. Without it every worker
// would exit 127 and be restarted forever: said at start instead.
std::vector<std::string> WorkerArgv(const DaemonOptions& options) {
  std::string binary = SiblingBinary("dossier-worker");
  if (access(binary.c_str(), X_OK) != 0)
    throw std::runtime_error("no worker binary " + binary + ": dossierd runs its workers with it");
  std::vector<std::string> argv = {binary};
  for (const std::string& arg : WorkerProcessArgs(options)) argv.push_back(arg);
  return argv;
}

int RunService(const DaemonOptions& options, const DatabaseUrl& url, const PiecePolicy& policy) {
  sigset_t signals = BlockStopSignals();
  bool serve = options.role != DaemonRole::Worker;
  bool work = options.role != DaemonRole::Server && options.workers.processes > 0;
  // Requests hold a connection only for their statements, not their
  // transfers: a few dozen serve a hundred uploads, and stay well under a
  // shared server's max_connections.
  ConnectionPool pool(url, std::min(options.server.threads, 28) + 4);
  {
    PooledConnection connection = pool.Acquire();
    SeedPieceTypes(*connection, policy);
  }
  BlobStore store(options.data_dir);
  RemoveStaleTemporaries(store);
  std::unique_ptr<WorkerSupervisor> supervisor;
  if (work) {
    supervisor = std::make_unique<WorkerSupervisor>(WorkerArgv(options), options.workers.processes,
                                                    url, options.workers);
    supervisor->Start();
  }
  std::unique_ptr<HttpService> http;
  std::unique_ptr<NotificationSender> sender;
  std::unique_ptr<OutboxDelivery> outbox;
  if (serve) {
    ServerSettings settings = options.server;
    if (settings.assemble_binary.empty()) settings.assemble_binary = SiblingBinary("dossier");
    http = std::make_unique<HttpService>(settings, pool, store,
                                         LoadTokenKeys(options.data_dir), policy);
    http->Start();
    sender = MakeSender(options.smtp);
    outbox = std::make_unique<OutboxDelivery>(pool, *sender);
    outbox->Start();
  }
  LogEvent("started", {{"role", options.role == DaemonRole::All      ? "all"
                                : options.role == DaemonRole::Server ? "server"
                                                                     : "worker"},
                       {"port", http ? std::to_string(http->port()) : ""},
                       {"url", http ? "http://" + options.server.bind_address + ":" +
                                          std::to_string(http->port())
                                    : ""},
                       {"data_dir", options.data_dir},
                       {"db", url.Display()},
                       {"workers", work ? std::to_string(options.workers.processes) : "0"}});
  int received = WaitForStopSignal(signals);
  LogEvent("stopping", {{"signal", received == SIGTERM ? "SIGTERM" : "SIGINT"}});
  if (http) http->Stop();
  if (outbox) outbox->Stop();
  if (supervisor) supervisor->Stop(std::chrono::seconds(30));
  LogEvent("stopped", {});
  return 0;
}

}  // namespace

int RunDaemon(const DaemonOptions& options) {
  if (options.role == DaemonRole::WorkerProcess)
    throw UsageError("--worker-process is dossier-worker's flag, not dossierd's");
  DatabaseUrl url = ResolveDatabaseUrl(options.db, options.data_dir);
  PiecePolicy policy = LoadServicePolicy(options.policy_file);
  // Worker processes inherit the database URL through the environment, set
  // now, before any thread exists.
  setenv("DOSSIER_DB", url.ToString().c_str(), 1);
  MigrateWhenReachable(url);
  return RunService(options, url, policy);
}

}  // namespace dossier
