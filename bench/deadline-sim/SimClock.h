// Seconds since the start of the run, on the monotonic clock: every time in
// the report is on this one axis.
#pragma once

#include <chrono>
#include <thread>

namespace dossier::sim {

class SimClock {
 public:
  SimClock() : start_(std::chrono::steady_clock::now()) {}

  double Now() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

  void SleepUntil(double seconds) const {
    std::this_thread::sleep_until(start_ + std::chrono::duration_cast<std::chrono::nanoseconds>(
                                               std::chrono::duration<double>(seconds)));
  }

 private:
  std::chrono::steady_clock::time_point start_;
};

}  // namespace dossier::sim
