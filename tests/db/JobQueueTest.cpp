// The queue against a real MariaDB: claims never collide, leases expire and
// are reclaimed, only the holder of the lease can finish a job, failures back
// off and end poison, refusals reach the candidate.
#include <cppconn/connection.h>
#include <cppconn/statement.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <mutex>
#include <set>
#include <thread>

#include "core/messages/CandidateMessages.h"
#include "store/db/Transaction.h"
#include "tests/db/TestDatabase.h"
#include "tests/workers/WorkflowRows.h"
#include "workers/queue/ClaimJob.h"
#include "workers/queue/CompleteJob.h"
#include "workers/queue/ExtendLease.h"
#include "workers/queue/FailJob.h"
#include "workers/queue/PoisonJob.h"
#include "workers/queue/ReleaseDeadWorker.h"
#include "workers/queue/ReleaseJob.h"

namespace dossier {
namespace {

using test::TestDatabase;

WorkerSettings Settings() {
  WorkerSettings settings;
  settings.max_attempts = 3;
  settings.lease = std::chrono::seconds(30);
  settings.backoff_base = std::chrono::milliseconds(0);
  return settings;
}

// One candidature with `jobs` versions of its CV, each with a queued job.
std::vector<std::int64_t> QueueJobs(TestDatabase& db, int jobs) {
  PooledConnection connection = db.pool().Acquire();
  test::InsertPieceType(*connection, {});
  test::InsertCandidature(*connection, "C1", "cv");
  std::vector<std::int64_t> ids;
  for (int version = 1; version <= jobs; ++version)
    ids.push_back(test::InsertQueuedVersion(*connection, "C1", "cv", version).job_id);
  return ids;
}

// `count` candidatures C1, C2… with one queued CV each: jobs that may all
// run at once (one running job per candidature).
std::vector<std::int64_t> QueueJobsOfCandidatures(TestDatabase& db, int count) {
  PooledConnection connection = db.pool().Acquire();
  test::InsertPieceType(*connection, {});
  std::vector<std::int64_t> ids;
  for (int i = 1; i <= count; ++i) {
    std::string id = "C" + std::to_string(i);
    test::InsertCandidature(*connection, id, "cv");
    ids.push_back(test::InsertQueuedVersion(*connection, id, "cv", 1).job_id);
  }
  return ids;
}

std::optional<ClaimedJob> ClaimOne(TestDatabase& db, const std::string& worker,
                                   const WorkerSettings& settings = Settings()) {
  PooledConnection connection = db.pool().Acquire();
  return ClaimJob(*connection, worker, settings).job;
}

void Expire(TestDatabase& db, std::int64_t job_id) {
  PooledConnection connection = db.pool().Acquire();
  auto update = test::Prepare(
      *connection,
      "UPDATE job SET locked_until = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE id = ?");
  update->setInt64(1, job_id);
  update->executeUpdate();
}

PrecheckResult Refused(const std::string& message) {
  PrecheckResult result;
  result.report.reason = RefusalReason::Size;
  result.report.message = message;
  return result;
}

PrecheckResult Accepted() {
  PrecheckResult result;
  result.report.accepted = true;
  result.report.message = "Pièce acceptée : 1 page, 12 ko.";
  result.report.output_bytes = 12'000;
  result.output_key = "results/ab/abcdef";
  return result;
}

std::string JobText(std::int64_t id, const std::string& column, TestDatabase& db) {
  return db.Scalar("SELECT " + column + " FROM job WHERE id = " + std::to_string(id));
}

TEST(JobQueue, ClaimSetsLeaseAttemptAndOpensARun) {
  TestDatabase db;
  std::vector<std::int64_t> ids = QueueJobs(db, 1);
  std::optional<ClaimedJob> job = ClaimOne(db, "host:1:aa");
  ASSERT_TRUE(job);
  EXPECT_EQ(job->id, ids[0]);
  EXPECT_EQ(job->attempt, 1);
  EXPECT_EQ(job->candidature_id, "C1");
  EXPECT_EQ(job->piece_code, "cv");
  EXPECT_EQ(job->version, 1);
  EXPECT_EQ(job->lease_token.size(), 32u);
  EXPECT_EQ(JobText(job->id, "state", db), "running");
  EXPECT_EQ(JobText(job->id, "attempts", db), "1");
  EXPECT_EQ(JobText(job->id, "locked_by", db), "host:1:aa");
  EXPECT_EQ(JobText(job->id, "lease_token", db), job->lease_token);
  // The lease runs about 30 s from now.
  long long lease_ms = db.Count(
      "SELECT TIMESTAMPDIFF(MICROSECOND, UTC_TIMESTAMP(3), locked_until) DIV 1000 FROM job");
  EXPECT_GT(lease_ms, 20'000);
  EXPECT_LE(lease_ms, 30'000);
  EXPECT_EQ(db.Count("SELECT COUNT(*) FROM job_run WHERE ended_at IS NULL AND attempt = 1 AND "
                     "worker = 'host:1:aa' AND id = " +
                     std::to_string(job->run_id)),
            1);
  // Nothing else is claimable.
  EXPECT_FALSE(ClaimOne(db, "host:2:bb"));
}

TEST(JobQueue, AJobLockedByAnotherTransactionIsSkippedNotWaitedFor) {
  TestDatabase db;
  std::vector<std::int64_t> ids = QueueJobs(db, 2);
  PooledConnection holder = db.pool().Acquire();
  Transaction holding(*holder);
  auto lock = test::Prepare(*holder, "SELECT id FROM job WHERE id = ? FOR UPDATE");
  lock->setInt64(1, ids[0]);
  std::unique_ptr<sql::ResultSet>(lock->executeQuery());

  PooledConnection claimer = db.pool().Acquire();
  // Were the claim to wait for the lock instead of skipping it, it would
  // fail here after a second rather than hang.
  std::unique_ptr<sql::Statement>(claimer->createStatement())
      ->execute("SET SESSION innodb_lock_wait_timeout = 1");
  std::optional<ClaimedJob> job = ClaimJob(*claimer, "host:2:bb", Settings()).job;
  ASSERT_TRUE(job);
  EXPECT_EQ(job->id, ids[1]);
}

TEST(JobQueue, ConcurrentWorkersClaimEveryJobExactlyOnce) {
  TestDatabase db;
  std::vector<std::int64_t> ids = QueueJobsOfCandidatures(db, 24);
  std::mutex mutex;
  std::vector<std::int64_t> claimed;
  std::vector<std::thread> workers;
  for (int w = 0; w < 4; ++w) {
    workers.emplace_back([&, w] {
      for (;;) {
        std::optional<ClaimedJob> job = ClaimOne(db, "host:" + std::to_string(w) + ":x");
        if (!job) return;
        std::lock_guard<std::mutex> guard(mutex);
        claimed.push_back(job->id);
      }
    });
  }
  for (std::thread& worker : workers) worker.join();
  std::sort(claimed.begin(), claimed.end());
  EXPECT_EQ(claimed, ids);
  EXPECT_EQ(db.Count("SELECT COUNT(*) FROM job WHERE attempts = 1 AND state = 'running'"), 24);
  EXPECT_EQ(db.Count("SELECT COUNT(*) FROM job_run"), 24);
}

TEST(JobQueue, ExpiredLeaseIsReclaimedWithOneMoreAttempt) {
  TestDatabase db;
  QueueJobs(db, 1);
  std::optional<ClaimedJob> first = ClaimOne(db, "host:1:aa");
  ASSERT_TRUE(first);
  EXPECT_FALSE(ClaimOne(db, "host:2:bb"));  // the lease holds
  Expire(db, first->id);
  std::optional<ClaimedJob> second = ClaimOne(db, "host:2:bb");
  ASSERT_TRUE(second);
  EXPECT_EQ(second->id, first->id);
  EXPECT_EQ(second->attempt, 2);
  EXPECT_NE(second->lease_token, first->lease_token);
  EXPECT_EQ(JobText(first->id, "attempts", db), "2");
  EXPECT_EQ(JobText(first->id, "locked_by", db), "host:2:bb");
  // The first attempt's run is closed as lost, the second one is open.
  EXPECT_EQ(db.Scalar("SELECT outcome FROM job_run WHERE id = " + std::to_string(first->run_id)),
            "lost_lease");
  EXPECT_EQ(db.Count("SELECT COUNT(*) FROM job_run WHERE ended_at IS NULL"), 1);
  // The first holder's heartbeat now fails: it must stop.
  PooledConnection connection = db.pool().Acquire();
  EXPECT_FALSE(ExtendLease(*connection, *first, std::chrono::seconds(30)));
  EXPECT_TRUE(ExtendLease(*connection, *second, std::chrono::seconds(30)));
}

TEST(JobQueue, HeartbeatInTheSameMillisecondAsTheClaimStillHoldsTheLease) {
  // MySQL reports changed rows: a beat that sets the same locked_until as
  // the claim changes nothing, and must not read as a lost lease. The
  // session clock is frozen to make both happen at the same instant.
  TestDatabase db;
  QueueJobs(db, 1);
  PooledConnection connection = db.pool().Acquire();
  std::unique_ptr<sql::Statement>(connection->createStatement())
      ->execute("SET SESSION timestamp = UNIX_TIMESTAMP(NOW(3))");
  std::optional<ClaimedJob> job = ClaimJob(*connection, "host:1:aa", Settings()).job;
  ASSERT_TRUE(job);
  EXPECT_TRUE(ExtendLease(*connection, *job, Settings().lease));
  std::unique_ptr<sql::Statement>(connection->createStatement())
      ->execute("SET SESSION timestamp = DEFAULT");
}

TEST(JobQueue, StaleLeaseTokenCannotCompleteTheJob) {
  TestDatabase db;
  QueueJobs(db, 1);
  std::optional<ClaimedJob> stale = ClaimOne(db, "host:1:aa");
  ASSERT_TRUE(stale);
  Expire(db, stale->id);
  std::optional<ClaimedJob> holder = ClaimOne(db, "host:2:bb");
  ASSERT_TRUE(holder);

  PooledConnection connection = db.pool().Acquire();
  EXPECT_EQ(CompleteJob(*connection, *stale, Refused("trop gros")), Completion::LeaseLost);
  EXPECT_EQ(db.Count("SELECT COUNT(*) FROM precheck"), 0);
  EXPECT_EQ(db.Scalar("SELECT status FROM pj_cand"), "TR");
  EXPECT_EQ(db.Count("SELECT COUNT(*) FROM outbox"), 0);
  EXPECT_EQ(JobText(holder->id, "state", db), "running");
  EXPECT_EQ(JobText(holder->id, "lease_token", db), holder->lease_token);
  // Nor fail or release it.
  EXPECT_EQ(FailJob(*connection, *stale, "crashed", "x", Settings()), FailureHandling::LeaseLost);
  EXPECT_FALSE(ReleaseJob(*connection, *stale, "shutdown"));
  EXPECT_EQ(JobText(holder->id, "state", db), "running");

  EXPECT_EQ(CompleteJob(*connection, *holder, Accepted()), Completion::Completed);
  EXPECT_EQ(JobText(holder->id, "state", db), "done");
  EXPECT_EQ(db.Scalar("SELECT outcome FROM precheck"), "accepted");
  EXPECT_EQ(db.Scalar("SELECT output_key FROM precheck"), "results/ab/abcdef");
}

TEST(JobQueue, CompletingAcceptedRecordsPrecheckAndLeavesThePieceTransmitted) {
  TestDatabase db;
  QueueJobs(db, 1);
  std::optional<ClaimedJob> job = ClaimOne(db, "host:1:aa");
  ASSERT_TRUE(job);
  PooledConnection connection = db.pool().Acquire();
  ASSERT_EQ(CompleteJob(*connection, *job, Accepted()), Completion::Completed);
  // A retry after a lost answer finds its own completion: not a lost lease.
  EXPECT_EQ(CompleteJob(*connection, *job, Accepted()), Completion::Completed);
  EXPECT_EQ(db.Count("SELECT COUNT(*) FROM precheck"), 1);
  EXPECT_EQ(db.Scalar("SELECT CONCAT_WS('|', outcome, IFNULL(reason, '-'), ine_verdict, "
                      "output_bytes, report) FROM precheck"),
            "accepted|-|non_verifie|12000|" + Accepted().report.ToJson());
  EXPECT_GE(db.Count("SELECT latency_ms FROM precheck"), 0);
  EXPECT_EQ(JobText(job->id,
                    "CONCAT_WS('|', state, finished_at IS NOT NULL, "
                    "lease_token IS NULL, locked_by IS NULL)",
                    db),
            "done|1|1|1");
  EXPECT_EQ(db.Scalar("SELECT outcome FROM job_run"), "done");
  EXPECT_EQ(db.Scalar("SELECT status FROM pj_cand"), "TR");
  EXPECT_EQ(db.Count("SELECT COUNT(*) FROM outbox"), 0);
}

TEST(JobQueue, RefusalOfTheCurrentVersionRefusesThePieceAndTellsTheCandidate) {
  TestDatabase db;
  QueueJobs(db, 1);
  std::optional<ClaimedJob> job = ClaimOne(db, "host:1:aa");
  ASSERT_TRUE(job);
  PooledConnection connection = db.pool().Acquire();
  std::string message = "Même compressée au maximum, la pièce fait 3,1 Mo.";
  ASSERT_EQ(CompleteJob(*connection, *job, Refused(message)), Completion::Completed);
  EXPECT_EQ(db.Scalar("SELECT status FROM pj_cand"), "RE");
  EXPECT_EQ(db.Scalar("SELECT comment FROM pj_cand"), message);
  EXPECT_EQ(db.Scalar("SELECT CONCAT_WS('|', outcome, reason, message) FROM precheck"),
            "refused|size|" + message);
  EXPECT_EQ(db.Count("SELECT COUNT(*) FROM outbox"), 1);
  EXPECT_EQ(db.Scalar("SELECT CONCAT_WS('|', candidature_id, kind, recipient) FROM outbox"),
            "C1|piece_refused|camille.martin@example.org");
  EXPECT_EQ(db.Scalar("SELECT subject FROM outbox"), "Pièce refusée : CV");
  std::string body = db.Scalar("SELECT body FROM outbox");
  EXPECT_NE(body.find(message), std::string::npos) << body;
  EXPECT_NE(body.find("« CV »"), std::string::npos) << body;
  EXPECT_NE(body.find("Licence Informatique"), std::string::npos) << body;
}

TEST(JobQueue, RefusalOfAReplacedVersionLeavesThePieceAlone) {
  // Version 2 arrives while version 1 runs.
  TestDatabase db;
  QueueJobs(db, 2);
  std::optional<ClaimedJob> old_version = ClaimOne(db, "host:1:aa");
  ASSERT_TRUE(old_version);
  ASSERT_EQ(old_version->version, 1);
  PooledConnection connection = db.pool().Acquire();
  std::unique_ptr<sql::Statement>(connection->createStatement())
      ->execute("UPDATE pj_cand SET current_version = 2");
  ASSERT_EQ(CompleteJob(*connection, *old_version, Refused("trop gros")), Completion::Completed);
  EXPECT_EQ(db.Scalar("SELECT status FROM pj_cand"), "TR");
  EXPECT_EQ(db.Scalar("SELECT comment FROM pj_cand"), "");
  EXPECT_EQ(db.Count("SELECT COUNT(*) FROM outbox"), 0);
  EXPECT_EQ(db.Count("SELECT COUNT(*) FROM precheck WHERE outcome = 'refused'"), 1);
}

TEST(JobQueue, FailureBacksOffDoublingUpToTheMaximum) {
  TestDatabase db;
  QueueJobs(db, 1);
  WorkerSettings settings = Settings();
  settings.max_attempts = 5;
  settings.backoff_base = std::chrono::seconds(40);
  settings.backoff_max = std::chrono::seconds(60);
  std::optional<ClaimedJob> job = ClaimOne(db, "host:1:aa", settings);
  ASSERT_TRUE(job);
  PooledConnection connection = db.pool().Acquire();
  ASSERT_EQ(FailJob(*connection, *job, "crashed", "job child ended by SIGSEGV", settings),
            FailureHandling::Retried);
  EXPECT_EQ(
      JobText(job->id, "CONCAT_WS('|', state, attempts, last_error, lease_token IS NULL)", db),
      "queued|1|job child ended by SIGSEGV|1");
  EXPECT_EQ(db.Scalar("SELECT CONCAT_WS('|', outcome, error) FROM job_run"),
            "crashed|job child ended by SIGSEGV");
  auto wait_seconds = [&] {
    return db.Count(
        "SELECT TIMESTAMPDIFF(MICROSECOND, UTC_TIMESTAMP(3), run_after) DIV 1000000 "
        "FROM job");
  };
  long long first_wait = wait_seconds();
  EXPECT_GT(first_wait, 30);
  EXPECT_LE(first_wait, 40);
  EXPECT_FALSE(ClaimOne(db, "host:1:aa", settings));  // not due yet

  // Due now: claimed again, fails again; 80 s is capped at 60 s.
  std::unique_ptr<sql::Statement>(connection->createStatement())
      ->execute("UPDATE job SET run_after = UTC_TIMESTAMP(3)");
  std::optional<ClaimedJob> again = ClaimOne(db, "host:1:aa", settings);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->attempt, 2);
  ASSERT_EQ(FailJob(*connection, *again, "timeout", "job child stopped after 120000 ms", settings),
            FailureHandling::Retried);
  long long second_wait = wait_seconds();
  EXPECT_GT(second_wait, 50);
  EXPECT_LE(second_wait, 60);
}

TEST(JobQueue, LastAllowedFailureMakesTheJobPoisonWithAnUnprocessablePrecheck) {
  TestDatabase db;
  QueueJobs(db, 1);
  WorkerSettings settings = Settings();
  settings.max_attempts = 2;
  PooledConnection connection = db.pool().Acquire();
  for (int attempt = 1; attempt <= 2; ++attempt) {
    std::optional<ClaimedJob> job = ClaimOne(db, "host:1:aa", settings);
    ASSERT_TRUE(job) << "attempt " << attempt;
    EXPECT_EQ(job->attempt, attempt);
    FailureHandling handling = FailJob(*connection, *job, "crashed", "SIGSEGV", settings);
    EXPECT_EQ(handling, attempt < 2 ? FailureHandling::Retried : FailureHandling::Poisoned);
  }
  EXPECT_EQ(db.Scalar("SELECT CONCAT_WS('|', state, attempts, finished_at IS NOT NULL) FROM job"),
            "poison|2|1");
  EXPECT_EQ(db.Scalar("SELECT CONCAT_WS('|', outcome, reason IS NULL, report IS NULL, "
                      "output_key IS NULL) FROM precheck"),
            "unprocessable|1|1|1");
  EXPECT_EQ(db.Scalar("SELECT message FROM precheck"), UnprocessableMessage());
  EXPECT_NE(UnprocessableMessage().find("gestionnaire"), std::string::npos);
  EXPECT_EQ(db.Scalar("SELECT value FROM counter WHERE name = 'jobs_poison'"), "1");
  // The pièce is not refused in the candidate's name, and nobody is mailed.
  EXPECT_EQ(db.Scalar("SELECT status FROM pj_cand"), "TR");
  EXPECT_EQ(db.Count("SELECT COUNT(*) FROM outbox"), 0);
  EXPECT_EQ(db.Count("SELECT COUNT(*) FROM job_run WHERE outcome = 'crashed'"), 2);
  EXPECT_FALSE(ClaimOne(db, "host:1:aa", settings));
}

TEST(JobQueue, ExpiredLeaseOnTheLastAttemptIsPoisonedAtTheNextClaim) {
  // The worker died during the last allowed attempt: no fourth run.
  TestDatabase db;
  std::vector<std::int64_t> ids = QueueJobs(db, 2);
  PooledConnection connection = db.pool().Acquire();
  std::unique_ptr<sql::Statement>(connection->createStatement())
      ->execute(
          "UPDATE job SET state = 'running', attempts = 3, locked_by = 'host:9:dead', "
          "lease_token = REPEAT('a', 32), locked_until = UTC_TIMESTAMP(3) - INTERVAL 1 "
          "SECOND WHERE id = " +
          std::to_string(ids[0]));
  Claim claim = ClaimJob(*connection, "host:1:aa", Settings());
  ASSERT_EQ(claim.poisoned.size(), 1u);
  EXPECT_EQ(claim.poisoned[0].id, ids[0]);
  EXPECT_EQ(claim.poisoned[0].attempts, 3);
  EXPECT_EQ(claim.poisoned[0].piece_code, "cv");
  // The claim goes on to the next job.
  ASSERT_TRUE(claim.job);
  EXPECT_EQ(claim.job->id, ids[1]);
  EXPECT_EQ(JobText(ids[0], "state", db), "poison");
  EXPECT_EQ(db.Scalar("SELECT outcome FROM precheck WHERE job_id = " + std::to_string(ids[0])),
            "unprocessable");
}

TEST(JobQueue, ReleaseGivesTheAttemptBackAndMakesTheJobDueAtOnce) {
  TestDatabase db;
  QueueJobs(db, 1);
  std::optional<ClaimedJob> job = ClaimOne(db, "host:1:aa");
  ASSERT_TRUE(job);
  PooledConnection connection = db.pool().Acquire();
  EXPECT_TRUE(ReleaseJob(*connection, *job, "the worker stopped before the job ended"));
  EXPECT_EQ(JobText(job->id, "CONCAT_WS('|', state, attempts, lease_token IS NULL)", db),
            "queued|0|1");
  EXPECT_EQ(db.Scalar("SELECT outcome FROM job_run"), "released");
  std::optional<ClaimedJob> again = ClaimOne(db, "host:2:bb");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->attempt, 1);
}

TEST(JobQueue, DeadWorkerReleaseTouchesOnlyThatProcess) {
  TestDatabase db;
  QueueJobsOfCandidatures(db, 2);
  std::optional<ClaimedJob> dead = ClaimOne(db, "box:123:aa");
  std::optional<ClaimedJob> alive = ClaimOne(db, "box:1234:bb");
  ASSERT_TRUE(dead && alive);
  PooledConnection connection = db.pool().Acquire();
  std::unique_ptr<sql::Statement>(connection->createStatement())
      ->execute(
          "INSERT INTO worker (id, role, host, pid, started_at, last_seen) VALUES "
          "('box:123:aa', 'worker', 'box', 123, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)), "
          "('box:1234:bb', 'worker', 'box', 1234, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))");
  EXPECT_EQ(ReleaseDeadWorker(*connection, "box", 123), 1);
  EXPECT_EQ(db.Scalar("SELECT outcome FROM job_run WHERE id = " + std::to_string(dead->run_id)),
            "crashed");
  EXPECT_EQ(db.Scalar("SELECT outcome FROM job_run WHERE id = " + std::to_string(alive->run_id)),
            "");
  EXPECT_EQ(db.Scalar("SELECT GROUP_CONCAT(id) FROM worker"), "box:1234:bb");
  // Reclaimable now, not after the lease; the attempt stays counted.
  std::optional<ClaimedJob> next = ClaimOne(db, "box:77:cc");
  ASSERT_TRUE(next);
  EXPECT_EQ(next->id, dead->id);
  EXPECT_EQ(next->attempt, 2);
  EXPECT_FALSE(ClaimOne(db, "box:77:cc"));  // the live worker's job is still held
}

}  // namespace
}  // namespace dossier
