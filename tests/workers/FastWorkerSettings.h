// Worker settings for the queue and worker tests: retries without backoff,
// quick polls, and a job deadline far above what a test document needs.
#pragma once

#include <chrono>

#include "workers/WorkerSettings.h"

namespace dossier::test {

inline WorkerSettings FastWorkerSettings(
    std::chrono::seconds job_timeout = std::chrono::seconds(60)) {
  WorkerSettings settings;
  settings.max_attempts = 3;
  settings.backoff_base = std::chrono::milliseconds(0);
  settings.job_timeout = job_timeout;
  settings.idle_poll = std::chrono::milliseconds(50);
  return settings;
}

}  // namespace dossier::test
