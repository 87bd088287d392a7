#pragma once

#include <signal.h>

#include <chrono>

namespace dossier {

// SIGTERM and SIGINT for a single-threaded worker process, read where the
// worker chooses instead of in a handler: the signals are blocked for the
// life of this object and looked at between steps (pending or waited for),
// so a job is never interrupted halfway and no global flag is needed. Job
// children unblock them for themselves.
class ShutdownSignal {
 public:
  ShutdownSignal();   // blocks SIGTERM and SIGINT in the calling thread
  ~ShutdownSignal();  // drops what is pending, then restores the mask
  ShutdownSignal(const ShutdownSignal&) = delete;
  ShutdownSignal& operator=(const ShutdownSignal&) = delete;

  // A shutdown was asked for (now or earlier).
  bool Requested();
  // Sleeps up to `timeout`, waking at once on a shutdown signal; returns
  // Requested().
  bool WaitFor(std::chrono::milliseconds timeout);

 private:
  sigset_t signals_;
  sigset_t previous_;
  bool received_ = false;
};

}  // namespace dossier
