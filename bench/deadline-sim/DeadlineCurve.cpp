#include "bench/deadline-sim/DeadlineCurve.h"

#include <cmath>

namespace dossier::sim {

DeadlineCurve::DeadlineCurve(int dossiers, double steady_rate, double surge_factor, double surge_at)
    : dossiers_(dossiers),
      steady_rate_(steady_rate),
      surge_factor_(surge_factor),
      surge_start_(static_cast<int>(std::lround(surge_at * dossiers))) {}

double DeadlineCurve::SurgeStartSeconds() const {
  return surge_start_ / steady_rate_;
}

std::vector<double> DeadlineCurve::ArrivalOffsets() const {
  std::vector<double> offsets;
  offsets.reserve(static_cast<std::size_t>(dossiers_));
  for (int i = 0; i < dossiers_; ++i) {
    if (i < surge_start_)
      offsets.push_back(i / steady_rate_);
    else
      offsets.push_back(SurgeStartSeconds() + (i - surge_start_) / SurgeRate());
  }
  return offsets;
}

}  // namespace dossier::sim
