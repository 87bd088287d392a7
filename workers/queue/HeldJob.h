#pragma once

#include <string>

#include "workers/queue/ClaimedJob.h"

namespace sql {
class Connection;
}

namespace dossier {

// Whether the holder of a claim may still settle the job.
enum class LeaseHold {
  Held,       // running under this token: the holder may complete, fail or release it
  Completed,  // this attempt completed it already (the answer was lost with the connection)
  Lost,       // claimed again after the lease ran out, released, or given up
};

struct HeldJob {
  LeaseHold hold = LeaseHold::Lost;
  std::string state;  // of the job row now
  int attempts = 0;
};

// Inside the caller's transaction: locks the job row (FOR UPDATE) and says
// whether `job`'s lease still holds. A lost attempt whose job_run row is
// still open is closed with outcome lost_lease.
HeldJob LockHeldJob(sql::Connection& connection, const ClaimedJob& job);

// Ends the attempt's job_run row (if still open) with `outcome` and `error`.
void EndRun(sql::Connection& connection, std::int64_t run_id, const std::string& outcome,
            const std::string& error = "");

}  // namespace dossier
