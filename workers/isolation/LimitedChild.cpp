#include "workers/isolation/LimitedChild.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <exception>

namespace dossier {
namespace {

using Clock = std::chrono::steady_clock;

void ApplyLimits(const ChildLimits& limits) {
  rlimit memory{limits.address_space_bytes, limits.address_space_bytes};
  setrlimit(RLIMIT_AS, &memory);
  rlim_t cpu = static_cast<rlim_t>(limits.cpu_seconds);
  rlimit cpu_limit{cpu, cpu + 1};
  setrlimit(RLIMIT_CPU, &cpu_limit);
  rlimit no_core{0, 0};  // a crash on a hostile file must not fill the disk
  setrlimit(RLIMIT_CORE, &no_core);
}

[[noreturn]] void RunChild(const std::function<int(int)>& body, const ChildLimits& limits,
                           int output_fd) {
  ApplyLimits(limits);
  int code = 1;
  try {
    code = body(output_fd);
  } catch (const std::exception& error) {
    const char* what = error.what();
    (void)!write(STDERR_FILENO, what, std::strlen(what));
  } catch (...) {
  }
  _exit(code);
}

int MillisLeft(Clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  return left.count() > 0 ? static_cast<int>(left.count()) : 0;
}

// Asks the caller's `keep_running` every interval while the child runs, and
// remembers a "no".
class Ticker {
 public:
  Ticker(const std::function<bool()>& keep_running, std::chrono::milliseconds interval)
      : keep_running_(keep_running), interval_(interval), next_(Clock::now() + interval) {}

  // False once the caller wants the child stopped.
  bool Tick() {
    if (!keep_running_ || stopped_ || Clock::now() < next_) return !stopped_;
    stopped_ = !keep_running_();
    next_ = Clock::now() + interval_;
    return !stopped_;
  }
  // How long a wait may last before the next call is due, at most `bound`.
  int MillisAtMost(int bound) const {
    return keep_running_ ? std::min(bound, MillisLeft(next_)) : bound;
  }

 private:
  const std::function<bool()>& keep_running_;
  std::chrono::milliseconds interval_;
  Clock::time_point next_;
  bool stopped_ = false;
};

enum class Wait { Done, Deadline, Cancelled };

// Reads the child's output until EOF, the deadline or a "no" from the ticker.
Wait Drain(int fd, Clock::time_point deadline, std::size_t cap, Ticker& ticker,
           std::string& output) {
  char buffer[65536];
  for (;;) {
    // Checked before each read: a child that keeps the pipe full must not
    // outlive its deadline.
    if (Clock::now() >= deadline) return Wait::Deadline;
    if (!ticker.Tick()) return Wait::Cancelled;
    pollfd p{fd, POLLIN, 0};
    int ready = poll(&p, 1, ticker.MillisAtMost(MillisLeft(deadline)));
    if (ready == 0) continue;
    if (ready < 0) {
      if (errno == EINTR) continue;
      return Wait::Done;
    }
    ssize_t n = read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return Wait::Done;
    std::size_t room = cap > output.size() ? cap - output.size() : 0;
    output.append(buffer, std::min(room, static_cast<std::size_t>(n)));
  }
}

// Waits for the child to end before the deadline or a "no" from the ticker.
Wait Reap(pid_t pid, Clock::time_point deadline, Ticker& ticker, int& status) {
  for (;;) {
    pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) return Wait::Done;
    if (done < 0 && errno != EINTR) return Wait::Done;
    if (Clock::now() >= deadline) return Wait::Deadline;
    if (!ticker.Tick()) return Wait::Cancelled;
    usleep(2000);
  }
}

}  // namespace

ChildResult RunLimitedChild(const std::function<int(int)>& body, const ChildLimits& limits,
                            const std::function<bool()>& keep_running) {
  ChildResult result;
  auto start = Clock::now();
  auto deadline = start + limits.wall_time;
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return result;
  pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return result;
  }
  if (pid == 0) {
    close(fds[0]);
    RunChild(body, limits, fds[1]);
  }
  close(fds[1]);
  Ticker ticker(keep_running, limits.tick_interval);
  Wait wait = Drain(fds[0], deadline, limits.max_output_bytes, ticker, result.output);
  close(fds[0]);
  int status = 0;
  if (wait == Wait::Done) wait = Reap(pid, deadline, ticker, status);
  if (wait != Wait::Done) {
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    result.end = wait == Wait::Deadline ? ChildResult::End::TimedOut : ChildResult::End::Cancelled;
  } else if (WIFSIGNALED(status)) {
    result.end = ChildResult::End::Signalled;
    result.signal = WTERMSIG(status);
  } else {
    result.end = ChildResult::End::Exited;
    result.exit_code = WEXITSTATUS(status);
  }
  result.elapsed_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  return result;
}

std::string SignalName(int signal) {
  const char* abbrev = sigabbrev_np(signal);
  return abbrev ? std::string("SIG") + abbrev : "signal " + std::to_string(signal);
}

}  // namespace dossier
