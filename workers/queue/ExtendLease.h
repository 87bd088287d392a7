#pragma once

#include <chrono>

#include "workers/queue/ClaimedJob.h"

namespace sql {
class Connection;
}

namespace dossier {

// The heartbeat: pushes the lease of a job still held under its token
// `lease` further. False when the lease is lost (the job was reclaimed after
// the lease ran out, or released): the holder must stop and discard its work.
bool ExtendLease(sql::Connection& connection, const ClaimedJob& job,
                 std::chrono::milliseconds lease);

}  // namespace dossier
