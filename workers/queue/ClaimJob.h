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
  std::optional<ClaimedJob> job;          // none: nothing claimable now
  std::vector<PoisonedJob> poisoned;      // met on the way, past max_attempts
  std::vector<SupersededJob> superseded;  // met on the way, replaced by a newer upload
};

// Takes the oldest claimable job — queued and due, or running with an
// expired lease (its holder died or lost the database) — among the
// candidatures that have no job running under a live lease: one
// candidature's eight uploads take one worker, not all of them, while the
// other candidatures' jobs are served oldest first. Rows are locked with
// `FOR UPDATE SKIP LOCKED` (the candidature's row, then the job's), so
// concurrent workers on any machine never wait for each other, never take
// the same job, and never run two jobs of one candidature at once.
// The claim counts one attempt, sets a lease of `settings.lease` for
// `worker` under a fresh token and opens a job_run row. Met on the way and
// closed without running, the claim going on to the next: a job whose
// version a newer upload replaced (SupersedeJob), and a job already claimed
// max_attempts times (PoisonJob).
Claim ClaimJob(sql::Connection& connection, const std::string& worker,
               const WorkerSettings& settings);

}  // namespace dossier
