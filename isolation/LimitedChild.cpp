#include "isolation/LimitedChild.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstring>
#include <exception>
#include <memory>

#include "isolation/ApplyLimits.h"
#include "isolation/ChildExit.h"
#include "isolation/Confinement.h"
#include "isolation/ScratchDirectory.h"
#include "isolation/WatchChild.h"

namespace dossier {
namespace {

void Say(const char* what) {
  (void)!write(STDERR_FILENO, what, std::strlen(what));
}

// Confines the child when asked; false when it could not be.
bool ConfineIfAsked(const ChildLimits& limits, int report_fd, const ScratchDirectory* scratch) {
  if (!limits.confinement) return true;
  try {
    Confine(*limits.confinement, report_fd, scratch ? scratch->path() : "");
    return true;
  } catch (const std::exception& error) {
    Say("cannot confine the child: ");
    Say(error.what());
    Say("\n");
    return false;
  }
}

[[noreturn]] void RunChild(const std::function<int(int)>& body, const ChildLimits& limits,
                           int report_fd, const ScratchDirectory* scratch) {
  ApplyLimits(ResourceLimitsOf(limits));
  if (!ConfineIfAsked(limits, report_fd, scratch)) _exit(kChildNotConfined);
  int code = kChildFailed;
  try {
    code = body(report_fd);
  } catch (const std::exception& error) {
    Say(error.what());
  } catch (...) {
  }
  _exit(code);
}

}  // namespace

ChildResult RunLimitedChild(const std::function<int(int)>& body, const ChildLimits& limits,
                            const std::function<bool()>& keep_running) {
  auto start = std::chrono::steady_clock::now();
  std::unique_ptr<ScratchDirectory> scratch;
  if (limits.confinement)
    scratch = std::make_unique<ScratchDirectory>(limits.confinement->scratch_parent);
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return {};
  pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return {};
  }
  if (pid == 0) {
    close(fds[0]);
    RunChild(body, limits, fds[1], scratch.get());
  }
  close(fds[1]);
  return WatchChild(pid, pid, fds[0], limits, keep_running, start);
}

}  // namespace dossier
