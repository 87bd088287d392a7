#pragma once

#include <sys/resource.h>

#include "isolation/ChildLimits.h"

namespace dossier {

// The setrlimit values of `limits`, computed before fork: a child that
// goes on to exec must not allocate.
struct ResourceLimits {
  rlimit memory;
  rlimit cpu;
};
ResourceLimits ResourceLimitsOf(const ChildLimits& limits);

// Applies them in the child, with no core file (a crash on a hostile file
// must not fill the disk). Async-signal-safe.
void ApplyLimits(const ResourceLimits& limits);

}  // namespace dossier
