#pragma once

#include <sys/types.h>

#include <functional>

#include "isolation/ChildLimits.h"
#include "isolation/ChildResult.h"

namespace dossier {

// The parent's side of a limited child: reads what the child writes on
// `read_fd` (closed here) until EOF, then reaps it, all before the
// wall-clock deadline, asking `keep_running` about every
// limits.tick_interval. Past the deadline, or on a "no", SIGKILL goes to
// `kill_target` (the child's pid, or minus its process group) and the child
// is reaped. `start` is when the deadline began.
ChildResult WatchChild(pid_t pid, pid_t kill_target, int read_fd, const ChildLimits& limits,
                       const std::function<bool()>& keep_running,
                       std::chrono::steady_clock::time_point start);

}  // namespace dossier
