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

// Reads the child's output until EOF or the deadline; false on deadline.
bool Drain(int fd, Clock::time_point deadline, std::size_t cap, std::string& output) {
  char buffer[65536];
  for (;;) {
    // Checked before each read: a child that keeps the pipe full must not
    // outlive its deadline.
    if (Clock::now() >= deadline) return false;
    pollfd p{fd, POLLIN, 0};
    int ready = poll(&p, 1, MillisLeft(deadline));
    if (ready == 0) return false;
    if (ready < 0) {
      if (errno == EINTR) continue;
      return true;
    }
    ssize_t n = read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return true;
    std::size_t room = cap > output.size() ? cap - output.size() : 0;
    output.append(buffer, std::min(room, static_cast<std::size_t>(n)));
  }
}

// Waits for the child to end before the deadline; false on deadline.
bool Reap(pid_t pid, Clock::time_point deadline, int& status) {
  for (;;) {
    pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) return true;
    if (done < 0 && errno != EINTR) return true;
    if (Clock::now() >= deadline) return false;
    usleep(2000);
  }
}

}  // namespace

ChildResult RunLimitedChild(const std::function<int(int)>& body, const ChildLimits& limits) {
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
  bool in_time = Drain(fds[0], deadline, limits.max_output_bytes, result.output);
  close(fds[0]);
  int status = 0;
  if (!in_time || !Reap(pid, deadline, status)) {
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    result.end = ChildResult::End::TimedOut;
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
