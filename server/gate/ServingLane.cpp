#include "server/gate/ServingLane.h"

namespace dossier {

ServingLane::ServingLane(int threads, int max_queued)
    : max_queued_(static_cast<std::size_t>(max_queued)) {
  for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { Serve(); });
}

ServingLane::~ServingLane() {
  Stop();
}

bool ServingLane::Submit(Work work) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (stopping_ || queue_.size() >= max_queued_) return false;
  ++busy_;
  queue_.push_back(std::move(work));
  ready_.notify_one();
  return true;
}

void ServingLane::Serve() {
  for (;;) {
    Work work;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      work = std::move(queue_.front());
      queue_.pop_front();
    }
    work();
    --busy_;
  }
}

void ServingLane::Stop() {
  std::deque<Work> dropped;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_) return;
    stopping_ = true;
    dropped.swap(queue_);
  }
  ready_.notify_all();
  for (std::thread& thread : threads_) thread.join();
}

}  // namespace dossier
