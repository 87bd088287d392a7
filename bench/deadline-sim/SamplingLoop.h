// Once a second, on its own thread: the queue depth from /metrics and the
// memory and CPU of the service's processes from /proc.
#pragma once

#include <array>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "bench/deadline-sim/ProcessSampler.h"
#include "bench/deadline-sim/QueueSampler.h"
#include "bench/deadline-sim/SimClock.h"

namespace dossier::sim {

struct SampleSeries {
  std::vector<std::array<double, 2>> queue_depth;  // [t s, jobs queued + running]
  std::vector<std::array<double, 2>> rss_sum_mb;   // [t s, MB over the service's processes]
};

class SamplingLoop {
 public:
  SamplingLoop(const Poco::URI& base, std::vector<int> roots, const SimClock& clock)
      : queue_(base), processes_(std::move(roots)), clock_(clock) {}
  ~SamplingLoop() { Stop(); }

  void Start();
  void Stop();  // takes a last sample

  const SampleSeries& Series() const { return series_; }
  const ProcessSampler& Processes() const { return processes_; }

 private:
  void SampleOnce();
  void Loop();

  QueueSampler queue_;
  ProcessSampler processes_;
  const SimClock& clock_;
  SampleSeries series_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace dossier::sim
