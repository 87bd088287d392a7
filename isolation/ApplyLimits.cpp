#include "isolation/ApplyLimits.h"

namespace dossier {

ResourceLimits ResourceLimitsOf(const ChildLimits& limits) {
  auto cpu = static_cast<rlim_t>(limits.cpu_seconds);
  // The hard CPU limit one second later: SIGXCPU first, SIGKILL if ignored.
  return {{limits.address_space_bytes, limits.address_space_bytes}, {cpu, cpu + 1}};
}

void ApplyLimits(const ResourceLimits& limits) {
  setrlimit(RLIMIT_AS, &limits.memory);
  setrlimit(RLIMIT_CPU, &limits.cpu);
  rlimit no_core{0, 0};
  setrlimit(RLIMIT_CORE, &no_core);
}

}  // namespace dossier
