#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace dossier {

// A fixed set of threads that serve requests whose heads have arrived whole,
// fed by a bounded queue. The gate keeps two: the main lane and a reserve
// that slow or greedy clients cannot fill (see GateSettings).
class ServingLane {
 public:
  using Work = std::function<void()>;

  ServingLane(int threads, int max_queued);
  ~ServingLane();  // Stop()
  ServingLane(const ServingLane&) = delete;
  ServingLane& operator=(const ServingLane&) = delete;

  // False when the queue is full or the lane stopped: the caller answers.
  bool Submit(Work work);
  // Requests running or waiting for a thread.
  int busy() const { return busy_; }
  int threads() const { return static_cast<int>(threads_.size()); }
  bool has_idle_thread() const { return busy_ < threads(); }
  // Lets the running requests end, drops the queued ones (their sockets
  // close) and joins the threads.
  void Stop();

 private:
  void Serve();

  const std::size_t max_queued_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Work> queue_;
  bool stopping_ = false;
  std::atomic<int> busy_{0};
  std::vector<std::thread> threads_;
};

}  // namespace dossier
