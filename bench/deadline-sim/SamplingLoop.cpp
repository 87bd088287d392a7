#include "bench/deadline-sim/SamplingLoop.h"

#include <chrono>

namespace dossier::sim {

void SamplingLoop::SampleOnce() {
  double t = clock_.Now();
  long depth = queue_.Depth();
  double rss = processes_.Sample();
  if (depth >= 0) series_.queue_depth.push_back({t, static_cast<double>(depth)});
  series_.rss_sum_mb.push_back({t, rss});
}

void SamplingLoop::Loop() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    SampleOnce();
    lock.lock();
    wake_.wait_for(lock, std::chrono::seconds(1), [this] { return stopping_; });
  }
}

void SamplingLoop::Start() {
  SampleOnce();  // the baseline: which processes are long-lived, their CPU so far
  thread_ = std::thread([this] { Loop(); });
}

void SamplingLoop::Stop() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
  SampleOnce();
}

}  // namespace dossier::sim
