#include "workers/supervisor/WorkerSupervisor.h"

#include <Poco/JSON/Object.h>
#include <cppconn/connection.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <iostream>
#include <memory>

#include "core/json/JsonText.h"
#include "core/text/UtcTimestamp.h"
#include "isolation/ChildEnd.h"
#include "store/db/ConnectionPool.h"
#include "store/tables/Counters.h"
#include "workers/queue/ReleaseDeadWorker.h"

extern char** environ;

namespace dossier {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// A worker that lived this long before dying is restarted at once; one that
// dies younger, again and again, waits longer each time.
constexpr std::chrono::seconds kStableRun{10};
constexpr milliseconds kFirstRestartPause{250};
constexpr milliseconds kLongestRestartPause{30'000};
constexpr milliseconds kReapInterval{50};

std::vector<std::string> WorkerEnvironment() {
  std::vector<std::string> env;
  for (char** entry = environ; entry && *entry; ++entry)
    if (std::string(*entry).rfind("OMP_THREAD_LIMIT=", 0) != 0) env.emplace_back(*entry);
  env.emplace_back("OMP_THREAD_LIMIT=1");  // Tesseract: one OpenMP thread per worker
  return env;
}

std::vector<char*> Pointers(const std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  for (const std::string& text : strings) pointers.push_back(const_cast<char*>(text.c_str()));
  pointers.push_back(nullptr);
  return pointers;
}

std::string HostName() {
  char name[256] = {};
  gethostname(name, sizeof name - 1);
  return name;
}

std::string EndedBy(int status) {
  if (WIFSIGNALED(status)) return SignalName(WTERMSIG(status));
  return "exit " + std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

milliseconds RestartPause(int quick_deaths) {
  if (quick_deaths == 0) return milliseconds(0);
  milliseconds pause = kFirstRestartPause;
  for (int i = 1; i < quick_deaths && pause < kLongestRestartPause; ++i) pause *= 2;
  return std::min(pause, kLongestRestartPause);
}

// In the child between fork and exec: async-signal-safe calls only.
[[noreturn]] void ExecWorker(pid_t parent, char* const* argv, char* const* envp) {
  prctl(PR_SET_PDEATHSIG, SIGTERM);
  if (getppid() != parent) _exit(127);  // the supervisor died before prctl
  struct sigaction default_action {};
  default_action.sa_handler = SIG_DFL;
  sigaction(SIGTERM, &default_action, nullptr);
  sigaction(SIGINT, &default_action, nullptr);
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  close_range(3, ~0u, 0);  // the supervisor's sockets and files are not the worker's
  execve(argv[0], argv, envp);
  _exit(127);
}

}  // namespace

WorkerSupervisor::WorkerSupervisor(std::vector<std::string> child_argv, int processes,
                                   DatabaseUrl url, WorkerSettings settings)
    : argv_(std::move(child_argv)),
      env_(WorkerEnvironment()),
      processes_(processes),
      url_(std::move(url)),
      settings_(std::move(settings)),
      host_(HostName()) {}

WorkerSupervisor::~WorkerSupervisor() {
  Stop(std::chrono::duration_cast<std::chrono::seconds>(settings_.shutdown_grace) +
       std::chrono::seconds(5));
}

void WorkerSupervisor::Start() {
  std::unique_lock<std::mutex> lock(mutex_);
  if (started_) return;
  started_ = true;
  slots_.assign(static_cast<std::size_t>(std::max(processes_, 0)), Slot{});
  // Every fork happens on the supervising thread: PR_SET_PDEATHSIG fires
  // when the thread that forked ends, so it must live as long as the workers.
  thread_ = std::thread([this] { Supervise(); });
  changed_.wait(lock, [this] { return spawned_; });
}

void WorkerSupervisor::Stop(std::chrono::seconds grace) {
  {
    std::unique_lock<std::mutex> lock(mutex_);
    if (!started_ || !thread_.joinable()) return;
    if (!stopping_) {
      stopping_ = true;
      kill_at_ = Clock::now() + grace;
    }
    changed_.notify_all();
    changed_.wait(lock, [this] { return finished_; });
  }
  thread_.join();
}

int WorkerSupervisor::alive() const {
  std::lock_guard<std::mutex> lock(mutex_);
  int count = 0;
  for (const Slot& slot : slots_) count += slot.pid > 0 ? 1 : 0;
  return count;
}

int WorkerSupervisor::restarts() const {
  return restarts_.load();
}

std::vector<pid_t> WorkerSupervisor::pids() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<pid_t> pids;
  for (const Slot& slot : slots_)
    if (slot.pid > 0) pids.push_back(slot.pid);
  return pids;
}

void WorkerSupervisor::Supervise() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (Slot& slot : slots_) {
      slot.started = Clock::now();
      slot.pid = std::max<pid_t>(Spawn(), 0);
      slot.restart_at = slot.started + std::chrono::seconds(1);  // when the fork failed
    }
    spawned_ = true;
  }
  changed_.notify_all();
  for (;;) {
    SignalForStop();
    for (Slot& slot : slots_) {
      Reap(slot);
      RestartIfDue(slot);
    }
    std::unique_lock<std::mutex> lock(mutex_);
    bool none_left = true;
    for (const Slot& slot : slots_) none_left = none_left && slot.pid == 0;
    if (stopping_ && none_left) {
      finished_ = true;
      changed_.notify_all();
      return;
    }
    changed_.wait_for(lock, kReapInterval, [this] { return stopping_ && !terminated_; });
  }
}

// Only the supervising thread signals and reaps workers: a pid is never
// signalled after it was reaped (and possibly reused).
void WorkerSupervisor::SignalForStop() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!stopping_) return;
  bool late = Clock::now() >= kill_at_;
  for (const Slot& slot : slots_) {
    if (slot.pid <= 0) continue;
    if (!terminated_) kill(slot.pid, SIGTERM);
    if (late) kill(slot.pid, SIGKILL);
  }
  terminated_ = true;
}

void WorkerSupervisor::Reap(Slot& slot) {
  pid_t pid = slot.pid;  // written by this thread only
  if (pid <= 0) return;
  int status = 0;
  pid_t done = waitpid(pid, &status, WNOHANG);
  if (done == 0 || (done < 0 && errno == EINTR)) return;
  bool stopping;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    slot.pid = 0;
    stopping = stopping_;
    Clock::time_point now = Clock::now();
    slot.quick_deaths = now - slot.started < kStableRun ? slot.quick_deaths + 1 : 0;
    slot.restart_at = now + RestartPause(slot.quick_deaths);
  }
  changed_.notify_all();
  bool clean_exit = done == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
  bool stopped_by_us =
      stopping && done == pid && WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM;
  if (!clean_exit && !stopped_by_us) RecordDeath(pid, done == pid ? status : -1, !stopping);
}

void WorkerSupervisor::RestartIfDue(Slot& slot) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (slot.pid > 0 || stopping_ || Clock::now() < slot.restart_at) return;
  slot.started = Clock::now();
  slot.pid = std::max<pid_t>(Spawn(), 0);
  if (slot.pid == 0) slot.restart_at = slot.started + std::chrono::seconds(1);
  changed_.notify_all();
}

pid_t WorkerSupervisor::Spawn() const {
  // Built before fork: the child may not allocate (another thread may hold
  // the allocator's lock at the instant of fork).
  std::vector<char*> argv = Pointers(argv_);
  std::vector<char*> envp = Pointers(env_);
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid == 0) ExecWorker(parent, argv.data(), envp.data());
  return pid;
}

void WorkerSupervisor::RecordDeath(pid_t pid, int status, bool restarting) {
  long long released = -1;
  std::string error;
  try {
    std::unique_ptr<sql::Connection> connection = ConnectionPool::Connect(url_);
    if (restarting) AddToCounter(*connection, "worker_restarts");
    released = ReleaseDeadWorker(*connection, host_, pid);
  } catch (const std::exception& failure) {
    error = failure.what();  // the leases run out on their own
  }
  if (restarting) ++restarts_;
  Poco::JSON::Object line(Poco::JSON_PRESERVE_KEY_ORDER);
  line.set("ts", UtcTimestamp());
  line.set("event", restarting ? "worker_restart" : "worker_killed");
  line.set("pid", static_cast<int>(pid));
  line.set("ended_by", status < 0 ? "unknown" : EndedBy(status));
  line.set("released_jobs", released);
  line.set("restarts", restarts_.load());
  if (!error.empty()) line.set("error", error);
  std::cout << JsonText(line) << std::endl;
}

}  // namespace dossier
