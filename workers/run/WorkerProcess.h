#pragma once

#include <string>

#include "store/db/DatabaseUrl.h"
#include "workers/WorkerSettings.h"
#include "workflow/policy/PiecePolicy.h"

namespace dossier {

// The life of one worker process, as `dossierd` starts it under its
// supervisor: registers in the `worker` table (role "worker") and keeps its
// row fresh, then claims and runs jobs one at a time (JobRunner), sleeping
// settings.idle_poll when the queue is empty. A database out of reach is
// logged and waited out with a growing pause: the process never exits for
// a database restart. It ends with its supervisor (PR_SET_PDEATHSIG).
// SIGTERM or SIGINT: exits at once when idle; a running job gets
// settings.shutdown_grace to finish, else its child is killed and the job
// released (not counted as an attempt). Returns the exit code, 0 after a
// requested shutdown.
// Single-threaded, and must not have run libvips operations (JobRunner).
int RunWorkerProcess(const DatabaseUrl& url, const std::string& data_dir,
                     const WorkerSettings& settings, const PiecePolicy& policy);

}  // namespace dossier
