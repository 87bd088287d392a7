#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <string>
#include <thread>

namespace dossier {

// How the workers share the queue: how many processes, how long a claim
// holds a job, how often its holder proves it is alive, how a failing
// document is retried and when it is given up. Defaults suit one machine;
// every field can be overridden from the command line.
struct WorkerSettings {
  int processes = std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  int max_attempts = 3;  // claims of one job before it is poison
  std::chrono::seconds lease{30};
  std::chrono::seconds heartbeat{5};
  std::chrono::seconds job_timeout{120};        // wall time and CPU seconds of a job child
  std::uint64_t job_memory_bytes = 2ull << 30;  // RLIMIT_AS of a job child
  std::chrono::milliseconds backoff_base{2'000};
  std::chrono::milliseconds backoff_max{60'000};
  // The wait of a job put back because the disk was full or failing: long
  // enough for an operator to free space, short once it is back. Not flags
  // of dossierd.
  std::chrono::milliseconds storage_backoff_base{5'000};
  std::chrono::milliseconds storage_backoff_max{300'000};
  std::chrono::milliseconds idle_poll{250};
  std::chrono::milliseconds shutdown_grace{20'000};  // a job's time to finish on SIGTERM
  // How often the worker looks up from a running job (heartbeat due? shutdown
  // asked?).
  std::chrono::milliseconds job_tick{1'000};
  // Scheduling niceness of worker processes: uploads (the HTTP server, the
  // database) get the CPU before document work does.
  int niceness = 10;
  // The service's address as candidates reach it: the refusal mail links
  // to the candidate page under it (ServerSettings::public_url). Empty: no
  // link.
  std::string public_url;

  // The wait before a job that failed `attempts` times runs again:
  // backoff_base doubled per earlier failure, at most backoff_max.
  std::chrono::milliseconds BackoffAfter(int attempts) const {
    std::chrono::milliseconds delay = backoff_base;
    for (int i = 1; i < attempts && delay < backoff_max; ++i) delay *= 2;
    return std::min(delay, backoff_max);
  }

  // The wait of a job put back for the `earlier`+1-th time because of the
  // disk: storage_backoff_base doubled per earlier time, at most
  // storage_backoff_max.
  std::chrono::milliseconds StorageBackoffAfter(int earlier) const {
    std::chrono::milliseconds delay = storage_backoff_base;
    for (int i = 0; i < earlier && delay < storage_backoff_max; ++i) delay *= 2;
    return std::min(delay, storage_backoff_max);
  }
};

}  // namespace dossier
