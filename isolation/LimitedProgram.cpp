#include "isolation/LimitedProgram.h"

#include <fcntl.h>
#include <unistd.h>

#include <stdexcept>

#include "isolation/ApplyLimits.h"
#include "isolation/NoNewPrivs.h"
#include "isolation/ScrubEnvironment.h"
#include "isolation/WatchChild.h"

namespace dossier {
namespace {

// Everything the child needs, made before fork: after it, no allocation.
struct ChildPlan {
  std::vector<char*> argv;
  std::vector<std::string> environment;
  std::vector<char*> envp;
  ResourceLimits limits;
  int output_fd;
};

std::vector<char*> Pointers(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  for (std::string& text : strings) pointers.push_back(text.data());
  pointers.push_back(nullptr);
  return pointers;
}

[[noreturn]] void BecomeProgram(const ChildPlan& plan) {
  setpgid(0, 0);  // the deadline kills the program and whatever it forks
  int null_fd = open("/dev/null", O_RDONLY);
  if (null_fd >= 0) dup2(null_fd, STDIN_FILENO);
  dup2(plan.output_fd, STDOUT_FILENO);
  dup2(plan.output_fd, STDERR_FILENO);
  close_range(3, ~0U, 0);  // sockets of the server, database connections…
  ApplyLimits(plan.limits);
  SetNoNewPrivs();
  execve(plan.argv[0], plan.argv.data(), plan.envp.data());
  static const char kFailed[] = "cannot execute the program\n";
  (void)!write(STDERR_FILENO, kFailed, sizeof kFailed - 1);
  _exit(127);
}

}  // namespace

ChildResult RunLimitedProgram(const std::vector<std::string>& argv, const ChildLimits& limits) {
  if (argv.empty()) throw std::invalid_argument("RunLimitedProgram: empty argv");
  auto start = std::chrono::steady_clock::now();
  std::vector<std::string> args = argv;
  ChildPlan plan;
  plan.argv = Pointers(args);
  plan.environment = KeptEnvironment(environ);
  plan.envp = Pointers(plan.environment);
  plan.limits = ResourceLimitsOf(limits);
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return {};
  plan.output_fd = fds[1];
  pid_t pid = fork();
  if (pid == 0) BecomeProgram(plan);
  close(fds[1]);
  if (pid < 0) {
    close(fds[0]);
    return {};
  }
  setpgid(pid, pid);  // also here: no race with the kill below
  return WatchChild(pid, -pid, fds[0], limits, nullptr, start);
}

}  // namespace dossier
