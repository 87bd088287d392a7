#pragma once

#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "store/db/DatabaseUrl.h"
#include "workers/WorkerSettings.h"

namespace dossier {

// Keeps `processes` worker processes alive: each is `child_argv` executed
// (dossierd passes {"…/dossier-worker", "--worker-process", …}) with
// OMP_THREAD_LIMIT=1 in its environment and PR_SET_PDEATHSIG, so that it
// dies with the supervisor. A thread of the supervisor reaps them; a worker
// that dies unexpectedly (a signal, a non-zero exit) is counted
// (`worker_restarts`), what it held is released at once for other workers
// (ReleaseDeadWorker) and it is started again, after a growing pause when it
// keeps dying young. One JSON line on stdout per restart.
//
// Safe in a process that has other threads: argv and environment are built
// before fork, and the child calls only async-signal-safe functions before
// exec.
class WorkerSupervisor {
 public:
  WorkerSupervisor(std::vector<std::string> child_argv, int processes, DatabaseUrl url,
                   WorkerSettings settings);
  ~WorkerSupervisor();  // Stop(settings.shutdown_grace + 5 s) when still running
  WorkerSupervisor(const WorkerSupervisor&) = delete;
  WorkerSupervisor& operator=(const WorkerSupervisor&) = delete;

  // Starts the workers; returns once each was forked.
  void Start();
  // SIGTERM to every worker, up to `grace` for them to end (a worker in a
  // job finishes or releases it), SIGKILL to the rest; returns when all are
  // reaped.
  void Stop(std::chrono::seconds grace);

  int alive() const;     // workers running now
  int restarts() const;  // unexpected deaths since Start()
  std::vector<pid_t> pids() const;

 private:
  struct Slot {
    pid_t pid = 0;
    std::chrono::steady_clock::time_point started;
    std::chrono::steady_clock::time_point restart_at;
    int quick_deaths = 0;  // in a row, each before kStableRun
  };

  void Supervise();
  void SignalForStop();
  void Reap(Slot& slot);
  void RestartIfDue(Slot& slot);
  pid_t Spawn() const;
  void RecordDeath(pid_t pid, int status, bool restarting);

  std::vector<std::string> argv_;
  std::vector<std::string> env_;
  int processes_;
  DatabaseUrl url_;
  WorkerSettings settings_;
  std::string host_;

  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<Slot> slots_;
  bool started_ = false;
  bool spawned_ = false;
  bool stopping_ = false;
  bool terminated_ = false;  // SIGTERM sent to every worker
  bool finished_ = false;
  std::chrono::steady_clock::time_point kill_at_;
  std::atomic<int> restarts_{0};
  std::thread thread_;
};

}  // namespace dossier
