// CPU time and resident memory of the service's processes, read from /proc:
// the roots (dossierd, mariadbd) and all their descendants (worker
// processes, the per-job children).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace dossier::sim {

struct ProcessFigures {
  int pid = 0;
  std::string name;        // comm, plus "(worker)"/"(job)" for dossierd's children
  double first_cpu_s = 0;  // utime+stime+cutime+cstime when first seen
  double last_cpu_s = 0;   // the same when last seen
  double peak_rss_mb = 0;
  int samples = 0;
  bool present_at_start = false;
};

class ProcessSampler {
 public:
  // Samples the trees rooted at `roots`; when empty, at every process named
  // dossierd or mariadbd (then other services on the machine count too).
  explicit ProcessSampler(std::vector<int> roots) : roots_(std::move(roots)) {}

  // Reads /proc once; returns the summed RSS of the service's processes (MB).
  double Sample();

  double PeakRssSumMb() const { return peak_rss_sum_mb_; }
  // Long-lived processes (seen at the first sample): their CPU includes the
  // reaped children's, so short-lived job children are not counted twice.
  std::vector<ProcessFigures> Processes() const;
  int TransientProcesses() const;

 private:
  std::vector<int> ServicePids() const;

  std::vector<int> roots_;
  std::map<int, ProcessFigures> seen_;
  int sample_count_ = 0;
  double peak_rss_sum_mb_ = 0;
};

}  // namespace dossier::sim
