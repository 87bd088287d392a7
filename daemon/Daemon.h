#pragma once

#include "daemon/DaemonOptions.h"

namespace dossier {

// Runs dossierd in its role until SIGTERM or SIGINT, then stops cleanly:
// the HTTP server stops accepting and finishes the requests in flight, the
// workers finish or release their jobs. Returns the process exit code.
int RunDaemon(const DaemonOptions& options);

}  // namespace dossier
