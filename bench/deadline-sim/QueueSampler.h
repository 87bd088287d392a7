// The service's queue depth (jobs queued + running) from its /metrics page.
#pragma once

#include <string>

#include "bench/deadline-sim/ServiceClient.h"

namespace dossier::sim {

class QueueSampler {
 public:
  explicit QueueSampler(const Poco::URI& base) : client_(base) {}

  // -1 when /metrics does not answer.
  long Depth();

 private:
  ServiceClient client_;
};

// Sum of the dossier_queue_depth samples for the states queued and running
// in a Prometheus text page; -1 when neither is there.
long QueueDepthFromMetrics(const std::string& text);

}  // namespace dossier::sim
