#include "workers/run/ShutdownSignal.h"

#include <cerrno>
#include <ctime>

namespace dossier {
namespace {

timespec ToTimespec(std::chrono::milliseconds duration) {
  timespec spec{};
  spec.tv_sec = static_cast<time_t>(duration.count() / 1000);
  spec.tv_nsec = static_cast<long>(duration.count() % 1000) * 1'000'000;
  return spec;
}

}  // namespace

ShutdownSignal::ShutdownSignal() {
  sigemptyset(&signals_);
  sigaddset(&signals_, SIGTERM);
  sigaddset(&signals_, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals_, &previous_);
}

ShutdownSignal::~ShutdownSignal() {
  // Restoring the mask with a signal pending would deliver it now and end
  // the process by its default action instead of the clean exit under way.
  timespec zero{};
  while (sigtimedwait(&signals_, nullptr, &zero) > 0) {
  }
  pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
}

bool ShutdownSignal::Requested() {
  if (received_) return true;
  sigset_t pending;
  sigemptyset(&pending);
  sigpending(&pending);
  received_ = sigismember(&pending, SIGTERM) == 1 || sigismember(&pending, SIGINT) == 1;
  return received_;
}

bool ShutdownSignal::WaitFor(std::chrono::milliseconds timeout) {
  if (Requested()) return true;
  timespec wait = ToTimespec(timeout);
  for (;;) {
    int signal = sigtimedwait(&signals_, nullptr, &wait);
    if (signal > 0) received_ = true;
    if (signal > 0 || errno != EINTR) return received_;
  }
}

}  // namespace dossier
