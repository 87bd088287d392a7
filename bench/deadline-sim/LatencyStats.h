// Percentiles of a set of latencies (any unit), by nearest rank: the value
// reported is one that was measured, never an interpolation.
#pragma once

#include <cstddef>
#include <vector>

namespace dossier::sim {

class LatencyStats {
 public:
  LatencyStats() = default;
  explicit LatencyStats(std::vector<double> values) : values_(std::move(values)) {}

  void Add(double value) { values_.push_back(value); }
  std::size_t Count() const { return values_.size(); }

  // The smallest value with at least p % of the values at or below it
  // (p in 0–100); 0 when there is no value.
  double Percentile(double p) const;
  double Max() const;
  double Mean() const;

 private:
  std::vector<double> values_;
};

}  // namespace dossier::sim
