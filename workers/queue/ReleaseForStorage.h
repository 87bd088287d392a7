#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "workers/WorkerSettings.h"
#include "workers/queue/ClaimedJob.h"

namespace sql {
class Connection;
}

namespace dossier {

// Puts a held job back when its result could not be written because the
// disk is full, over quota or failing (IsStorageFault): the fault is ours,
// so the attempt is not counted and the pièce never becomes unprocessable
// for it. The attempt's job_run ends `storage_full` with `error`; the job is
// due again after settings.StorageBackoffAfter(n), n its earlier
// storage_full runs (5 s doubling to 5 min), so a full disk does not spin
// the queue and the job resumes once space is back. Returns that delay;
// nullopt when the lease was already lost.
std::optional<std::chrono::milliseconds> ReleaseForStorage(sql::Connection& connection,
                                                           const ClaimedJob& job,
                                                           const std::string& error,
                                                           const WorkerSettings& settings);

}  // namespace dossier
