#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "store/blobs/BlobStore.h"
#include "store/db/ConnectionPool.h"
#include "workers/WorkerSettings.h"
#include "workers/queue/ClaimedJob.h"
#include "workers/run/JobAttempt.h"
#include "workflow/policy/PiecePolicy.h"

namespace dossier {

class IneReader;
struct JobOutputPaths;
struct PrecheckResult;

// What the process around a runner wants looked at while a job runs.
struct JobWatch {
  // True once the process should stop: the running job gets
  // settings.shutdown_grace to end, then its child is killed and the job
  // released to another worker.
  std::function<bool()> stop_requested;
  // Called at every heartbeat during a job (the process registry's beat).
  std::function<void()> on_heartbeat;
};

// Runs the queue's jobs one at a time, each in a forked job child under the
// limits of `settings` (RunLimitedChild): claims, loads the files and rules,
// renews the lease every heartbeat while the child works, then publishes the
// PDF and its preview (when the child made one) under results/ and completes
// the job — or records the crash, the timeout, the lost lease. A crash of the
// child costs the job one attempt, never the runner. A full or failing disk
// while the result is written (by the child, or when publishing it) costs
// nothing: the job waits for space (ReleaseForStorage). Writes one JSON line
// per job on stdout (JobLogLine), and one per job closed while claiming
// (superseded, poison).
//
// The runner's process must not run libvips operations itself: the job
// children fork from it and initialise libvips on their own. It creates one
// IneReader (Tesseract) the first time a pièce needs the INE check, and every
// later child inherits it.
class JobRunner {
 public:
  JobRunner(ConnectionPool& pool, const std::string& data_dir, WorkerSettings settings,
            PiecePolicy policy, std::string worker_id, JobWatch watch = {});
  ~JobRunner();
  JobRunner(const JobRunner&) = delete;
  JobRunner& operator=(const JobRunner&) = delete;

  // Claims the next job and runs it. Nothing claimable: nullopt (jobs given
  // up while claiming are logged, and the last of them returned). Throws
  // sql::SQLException when the database cannot be reached.
  std::optional<JobAttempt> RunNext();
  // Runs a job this runner claimed.
  JobAttempt Run(const ClaimedJob& job);

  const std::string& worker_id() const { return worker_; }

 private:
  JobAttempt Attempt(const ClaimedJob& job);
  JobAttempt Complete(const ClaimedJob& job, PrecheckResult result, const JobOutputPaths& paths);
  // Publishes the child's preview under results/; "" when there is none or it
  // cannot be stored (the pièce goes on without it). Throws BlobError when
  // the disk is full or failing: the job then waits for space.
  std::string PublishThumbnail(const std::string& temp_path);
  void RemoveOutputs(const PrecheckResult& result);
  JobAttempt Fail(const ClaimedJob& job, const std::string& run_outcome, const std::string& error);
  JobAttempt Release(const ClaimedJob& job, const std::string& why,
                     std::chrono::milliseconds delay);
  JobAttempt WaitForSpace(const ClaimedJob& job, const std::string& error);
  JobAttempt LoseLease(const ClaimedJob& job);
  IneReader* ReaderFor(bool check_ine);
  // Runs `body` on a pooled connection; a lost connection or a deadlock is
  // retried every second for up to one lease, so a database restart delays
  // the end of a job instead of wasting its work.
  template <typename Body>
  auto WithDatabase(Body body);

  ConnectionPool& pool_;
  BlobStore store_;
  WorkerSettings settings_;
  PiecePolicy policy_;
  std::string worker_;
  JobWatch watch_;
  std::unique_ptr<IneReader> ine_reader_;
};

}  // namespace dossier
