// A monitor's view of the service: GET /healthz at a steady pace, each on a
// new connection, timed from connect to the last byte of the answer.
#pragma once

#include <Poco/URI.h>

#include "bench/deadline-sim/LatencyStats.h"

namespace dossier::sim {

struct ProbeReport {
  LatencyStats ms;
  int failures = 0;  // no answer, or not 200
};

ProbeReport ProbeHealthz(const Poco::URI& base, double per_second, double seconds);

}  // namespace dossier::sim
