#include "bench/deadline-sim/ErrorCounts.h"

namespace dossier::sim {

void ErrorCounts::Add(const std::string& kind) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++counts_[kind];
}

void ErrorCounts::Note(const std::string& kind) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++notes_[kind];
}

std::map<std::string, long> ErrorCounts::ByKind() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return counts_;
}

std::map<std::string, long> ErrorCounts::Notes() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return notes_;
}

long ErrorCounts::Total() const {
  std::lock_guard<std::mutex> lock(mutex_);
  long total = 0;
  for (const auto& [kind, count] : counts_) total += count;
  return total;
}

}  // namespace dossier::sim
