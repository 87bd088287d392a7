#pragma once

#include <functional>
#include <string>

#include "isolation/ChildLimits.h"
#include "isolation/ChildResult.h"

namespace dossier {

// Runs `body` in a forked child under setrlimit (address space, CPU, no
// core) and a wall-clock deadline, confined first when limits.confinement
// is set (Confine, with a private scratch directory as TMPDIR), and returns
// how it ended and what it wrote on its report channel, the descriptor it
// is given. A crash or a hang of the child is a result here, never a crash
// of the caller; a child that cannot be confined exits kChildNotConfined
// without running `body`. The caller must not have started threads that
// `body` relies on (libvips is initialised inside the child; a caller that
// ran libvips operations itself leaves a child whose libvips waits forever
// for threads that fork did not copy).
// While the child runs, `keep_running` (when given) is called about every
// limits.tick_interval, in the caller: a worker renews its lease there, and
// returns false to have the child killed (lease lost, shutdown).
ChildResult RunLimitedChild(const std::function<int(int report_fd)>& body,
                            const ChildLimits& limits,
                            const std::function<bool()>& keep_running = nullptr);

}  // namespace dossier
