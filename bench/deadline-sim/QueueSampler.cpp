#include "bench/deadline-sim/QueueSampler.h"

#include <sstream>

namespace dossier::sim {

long QueueDepthFromMetrics(const std::string& text) {
  std::istringstream lines(text);
  std::string line;
  long depth = -1;
  for (const char* state : {"queued", "running"}) {
    std::string prefix = std::string("dossier_queue_depth{state=\"") + state + "\"} ";
    lines.clear();
    lines.seekg(0);
    while (std::getline(lines, line))
      if (line.rfind(prefix, 0) == 0)
        depth = std::max(depth, 0L) + std::stol(line.substr(prefix.size()));
  }
  return depth;
}

long QueueSampler::Depth() {
  HttpAnswer answer = client_.Send({"GET", "/metrics", "", {}, "", nullptr});
  if (answer.status != 200) return -1;
  return QueueDepthFromMetrics(answer.body);
}

}  // namespace dossier::sim
