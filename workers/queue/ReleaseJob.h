#pragma once

#include <chrono>
#include <string>

#include "workers/queue/ClaimedJob.h"

namespace sql {
class Connection;
}

namespace dossier {

// Gives a held job back to the queue when its worker stops for reasons that
// are not the document's (a shutdown whose grace ran out, a failed fork, a
// full disk): the attempt is not counted (attempts - 1), the job is due
// again after `delay`, and its job_run ends `outcome` ("released", or
// "storage_full" from ReleaseForStorage). False when the lease was already
// lost.
bool ReleaseJob(sql::Connection& connection, const ClaimedJob& job, const std::string& why,
                std::chrono::milliseconds delay = std::chrono::milliseconds(0),
                const std::string& outcome = "released");

}  // namespace dossier
