#include "bench/deadline-sim/LatencyStats.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace dossier::sim {

double LatencyStats::Percentile(double p) const {
  if (values_.empty()) return 0;
  std::vector<double> ordered = values_;
  std::sort(ordered.begin(), ordered.end());
  double rank = std::ceil(p / 100.0 * static_cast<double>(ordered.size()));
  std::size_t index = rank < 1 ? 0 : static_cast<std::size_t>(rank) - 1;
  return ordered[std::min(index, ordered.size() - 1)];
}

double LatencyStats::Max() const {
  return values_.empty() ? 0 : *std::max_element(values_.begin(), values_.end());
}

double LatencyStats::Mean() const {
  if (values_.empty()) return 0;
  return std::accumulate(values_.begin(), values_.end(), 0.0) / static_cast<double>(values_.size());
}

}  // namespace dossier::sim
