#pragma once

#include <chrono>
#include <cstdint>
#include <optional>

#include "isolation/Confinement.h"

namespace dossier {

// What a child running on untrusted documents may use. A real pièce needs a
// fraction of each.
struct ChildLimits {
  std::chrono::milliseconds wall_time{60'000};
  int cpu_seconds = 60;
  std::uint64_t address_space_bytes = 2ull << 30;
  std::size_t max_output_bytes = 64u << 20;        // what the child may send back
  std::chrono::milliseconds tick_interval{1'000};  // how often `keep_running` is asked
  // Applied in the child before its body reads anything (Confine); none for
  // children that only run our own code (test fixtures).
  std::optional<Confinement> confinement;
};

}  // namespace dossier
