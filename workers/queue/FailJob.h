#pragma once

#include <string>

#include "workers/WorkerSettings.h"
#include "workers/queue/ClaimedJob.h"

namespace sql {
class Connection;
}

namespace dossier {

enum class FailureHandling {
  Retried,    // queued again after a backoff
  Poisoned,   // max_attempts reached: given up, the gestionnaire examines it
  LeaseLost,  // another worker holds the job: nothing changed
};

// Records a failed attempt — the job child crashed, ran out of time, or its
// inputs could not be read — while `job`'s lease holds: the attempt's
// job_run ends with `outcome` ("crashed", "timeout") and `error`; the job is
// queued again after settings.BackoffAfter(attempts), or becomes poison right
// away once it was claimed max_attempts times.
FailureHandling FailJob(sql::Connection& connection, const ClaimedJob& job,
                        const std::string& outcome, const std::string& error,
                        const WorkerSettings& settings);

}  // namespace dossier
