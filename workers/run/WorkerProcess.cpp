#include "workers/run/WorkerProcess.h"

#include <Poco/JSON/Object.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>

#include <chrono>
#include <iostream>

#include "core/json/JsonText.h"
#include "core/text/UtcTimestamp.h"
#include "store/db/ConnectionPool.h"
#include "store/tables/ProcessRegistry.h"
#include "workers/run/JobRunner.h"
#include "workers/run/ShutdownSignal.h"

namespace dossier {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr milliseconds kFirstOutagePause{500};
constexpr milliseconds kLongestOutagePause{30'000};

void LogEvent(const std::string& event, const std::string& worker, const std::string& detail) {
  Poco::JSON::Object line(Poco::JSON_PRESERVE_KEY_ORDER);
  line.set("ts", UtcTimestamp());
  line.set("event", event);
  line.set("worker", worker);
  if (!detail.empty()) line.set("error", detail);
  std::cout << JsonText(line) << std::endl;
}

// The process's row in the `worker` table, refreshed at most every
// `interval`; a database out of reach is not this row's problem.
class RegistryBeat {
 public:
  RegistryBeat(ConnectionPool& pool, const ProcessRegistry& registry, milliseconds interval)
      : pool_(pool), registry_(registry), interval_(interval) {}

  void BeatIfDue() {
    if (Clock::now() < next_) return;
    try {
      PooledConnection connection = pool_.Acquire();
      registry_.Beat(*connection);
      next_ = Clock::now() + interval_;
    } catch (const std::exception&) {
    }
  }

  void Leave() {
    try {
      PooledConnection connection = pool_.Acquire(milliseconds(2'000));
      registry_.Leave(*connection);
    } catch (const std::exception&) {
    }
  }

 private:
  ConnectionPool& pool_;
  const ProcessRegistry& registry_;
  milliseconds interval_;
  Clock::time_point next_;
};

// The loop of RunWorkerProcess, once its parts could be set up.
int ServeQueue(const DatabaseUrl& url, const std::string& data_dir, const WorkerSettings& settings,
               const PiecePolicy& policy, ShutdownSignal& shutdown) {
  ConnectionPool pool(url, 2);
  ProcessRegistry registry("worker");
  RegistryBeat beat(pool, registry, settings.heartbeat);
  JobWatch watch;
  watch.stop_requested = [&] { return shutdown.Requested(); };
  watch.on_heartbeat = [&] { beat.BeatIfDue(); };
  JobRunner runner(pool, data_dir, settings, policy, registry.id(), watch);
  LogEvent("worker_started", registry.id(), "");
  milliseconds outage_pause = kFirstOutagePause;
  while (!shutdown.Requested()) {
    beat.BeatIfDue();
    try {
      std::optional<JobAttempt> outcome = runner.RunNext();
      outage_pause = kFirstOutagePause;
      if (!outcome || outcome->outcome == "released") {
        shutdown.WaitFor(settings.idle_poll);
      } else if (outcome->outcome == "storage_full") {
        // The next job would most likely meet the same full disk: a pause
        // spares the CPU of processing it for nothing.
        shutdown.WaitFor(settings.storage_backoff_base);
      }
    } catch (const std::exception& error) {
      LogEvent("worker_error", registry.id(), error.what());
      shutdown.WaitFor(outage_pause);
      outage_pause = std::min(outage_pause * 2, kLongestOutagePause);
    }
  }
  beat.Leave();
  LogEvent("worker_stopped", registry.id(), "");
  return 0;
}

}  // namespace

int RunWorkerProcess(const DatabaseUrl& url, const std::string& data_dir,
                     const WorkerSettings& settings, const PiecePolicy& policy) {
  ShutdownSignal shutdown;
  prctl(PR_SET_PDEATHSIG, SIGTERM);
  // Candidates waiting for their 202 come first: on a machine where the
  // server and the workers share the cores, document work takes what the
  // uploads leave (the job children inherit this niceness).
  setpriority(PRIO_PROCESS, 0, settings.niceness);
  try {
    return ServeQueue(url, data_dir, settings, policy, shutdown);
  } catch (const std::exception& error) {
    // The data directory cannot be used, or the like: the supervisor
    // restarts this process after a pause.
    LogEvent("worker_failed", "", error.what());
    return 1;
  }
}

}  // namespace dossier
