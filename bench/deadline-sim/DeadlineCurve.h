// When each simulated candidate arrives: the day before the deadline, a
// steady trickle for the first part of the dossiers, then the surge of those
// who waited for the last hours, at a multiple of the steady rate.
#pragma once

#include <vector>

namespace dossier::sim {

class DeadlineCurve {
 public:
  // `surge_at`: fraction of the dossiers (0–1) that arrive before the surge.
  DeadlineCurve(int dossiers, double steady_rate, double surge_factor, double surge_at);

  // Seconds from the start of the run at which dossier i arrives; the first
  // arrives at 0, the list never decreases.
  std::vector<double> ArrivalOffsets() const;

  // Index of the first dossier of the surge (== dossiers when there is none).
  int SurgeStartIndex() const { return surge_start_; }
  double SurgeStartSeconds() const;
  double SurgeRate() const { return steady_rate_ * surge_factor_; }

 private:
  int dossiers_;
  double steady_rate_;
  double surge_factor_;
  int surge_start_;
};

}  // namespace dossier::sim
