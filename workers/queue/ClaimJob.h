#pragma once

#include <optional>
#include <string>
#include <vector>

#include "workers/WorkerSettings.h"
#include "workers/queue/ClaimedJob.h"

namespace sql {
class Connection;
}

namespace dossier {

struct Claim {
  std::optional<ClaimedJob> job;      // none: nothing claimable now
  std::vector<PoisonedJob> poisoned;  // met on the way, past max_attempts
};

// Takes the oldest claimable job — queued and due, or running with an
// expired lease (its holder died or lost the database) — with
// `SELECT … FOR UPDATE SKIP LOCKED`, so concurrent workers never wait for
// each other nor take the same job. The claim counts one attempt, sets a
// lease of `settings.lease` for `worker` under a fresh token and opens a
// job_run row. A job already claimed max_attempts times is not run again:
// it becomes poison (see PoisonJob) and the claim goes on to the next.
Claim ClaimJob(sql::Connection& connection, const std::string& worker,
               const WorkerSettings& settings);

}  // namespace dossier
