#include "server/dossier/LimitedProgram.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <stdexcept>

namespace dossier {
namespace {

using Clock = std::chrono::steady_clock;

// Everything the child needs, made before fork: after it, no allocation.
struct ChildPlan {
  std::vector<char*> argv;
  rlimit memory;
  rlimit cpu;
  int output_fd;
};

[[noreturn]] void BecomeProgram(const ChildPlan& plan) {
  setpgid(0, 0);  // the deadline kills the program and whatever it forks
  int null_fd = open("/dev/null", O_RDONLY);
  if (null_fd >= 0) dup2(null_fd, STDIN_FILENO);
  dup2(plan.output_fd, STDOUT_FILENO);
  dup2(plan.output_fd, STDERR_FILENO);
  close_range(3, ~0U, 0);  // sockets of the server, database connections…
  setrlimit(RLIMIT_AS, &plan.memory);
  setrlimit(RLIMIT_CPU, &plan.cpu);
  rlimit no_core{0, 0};
  setrlimit(RLIMIT_CORE, &no_core);
  execv(plan.argv[0], plan.argv.data());
  static const char kFailed[] = "cannot execute the program\n";
  (void)!write(STDERR_FILENO, kFailed, sizeof kFailed - 1);
  _exit(127);
}

int MillisLeft(Clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  return static_cast<int>(std::max<std::chrono::milliseconds::rep>(left.count(), 0));
}

// Reads until EOF (every holder of the pipe ended) or the deadline.
bool Drain(int fd, Clock::time_point deadline, std::size_t cap, std::string& output) {
  char buffer[8192];
  for (;;) {
    pollfd p{fd, POLLIN, 0};
    int ready = poll(&p, 1, MillisLeft(deadline));
    if (ready == 0) return false;
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) return true;
    ssize_t n = read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return true;
    std::size_t room = cap > output.size() ? cap - output.size() : 0;
    output.append(buffer, std::min(room, static_cast<std::size_t>(n)));
  }
}

// Waits for the child until the deadline; false on deadline.
bool Reap(pid_t pid, Clock::time_point deadline, int& status) {
  for (;;) {
    pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) return true;
    if (done < 0 && errno != EINTR) return true;
    if (Clock::now() >= deadline) return false;
    usleep(5000);
  }
}

}  // namespace

ProgramResult RunLimitedProgram(const std::vector<std::string>& argv, const ProgramLimits& limits) {
  if (argv.empty()) throw std::invalid_argument("RunLimitedProgram: empty argv");
  ProgramResult result;
  ChildPlan plan;
  for (const std::string& arg : argv) plan.argv.push_back(const_cast<char*>(arg.c_str()));
  plan.argv.push_back(nullptr);
  plan.memory = {limits.address_space_bytes, limits.address_space_bytes};
  auto cpu = static_cast<rlim_t>(limits.cpu_seconds);
  plan.cpu = {cpu, cpu + 1};
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return result;
  plan.output_fd = fds[1];
  auto deadline = Clock::now() + limits.wall_time;
  pid_t pid = fork();
  if (pid == 0) BecomeProgram(plan);
  close(fds[1]);
  if (pid < 0) {
    close(fds[0]);
    return result;
  }
  setpgid(pid, pid);  // also here: no race with the kill below
  bool in_time = Drain(fds[0], deadline, limits.max_output_bytes, result.output);
  close(fds[0]);
  int status = 0;
  if (!in_time || !Reap(pid, deadline, status)) {
    kill(-pid, SIGKILL);
    waitpid(pid, &status, 0);
    result.end = ProgramResult::End::TimedOut;
  } else if (WIFSIGNALED(status)) {
    result.end = ProgramResult::End::Signalled;
    result.signal = WTERMSIG(status);
  } else {
    result.end = ProgramResult::End::Exited;
    result.exit_code = WEXITSTATUS(status);
  }
  return result;
}

std::string DescribeEnd(const ProgramResult& result, const ProgramLimits& limits) {
  switch (result.end) {
    case ProgramResult::End::Exited:
      return "exit " + std::to_string(result.exit_code);
    case ProgramResult::End::Signalled: {
      const char* name = sigabbrev_np(result.signal);
      return name ? std::string("SIG") + name : "signal " + std::to_string(result.signal);
    }
    case ProgramResult::End::TimedOut:
      return "timed out after " +
             std::to_string(
                 std::chrono::duration_cast<std::chrono::seconds>(limits.wall_time).count()) +
             " s";
    case ProgramResult::End::NotStarted:
      break;
  }
  return "not started";
}

}  // namespace dossier
