#include "isolation/WatchChild.h"

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <string>

namespace dossier {
namespace {

using Clock = std::chrono::steady_clock;

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
// A child that closed its output is usually exiting: the first polls come
// quickly, then every 2 ms.
Wait Reap(pid_t pid, Clock::time_point deadline, Ticker& ticker, int& status) {
  useconds_t pause = 50;
  for (;;) {
    pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) return Wait::Done;
    if (done < 0 && errno != EINTR) return Wait::Done;
    if (Clock::now() >= deadline) return Wait::Deadline;
    if (!ticker.Tick()) return Wait::Cancelled;
    usleep(pause);
    pause = std::min<useconds_t>(pause * 2, 2000);
  }
}

}  // namespace

ChildResult WatchChild(pid_t pid, pid_t kill_target, int read_fd, const ChildLimits& limits,
                       const std::function<bool()>& keep_running, Clock::time_point start) {
  ChildResult result;
  Clock::time_point deadline = start + limits.wall_time;
  Ticker ticker(keep_running, limits.tick_interval);
  Wait wait = Drain(read_fd, deadline, limits.max_output_bytes, ticker, result.output);
  close(read_fd);
  int status = 0;
  if (wait == Wait::Done) wait = Reap(pid, deadline, ticker, status);
  if (wait != Wait::Done) {
    kill(kill_target, SIGKILL);
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

}  // namespace dossier
