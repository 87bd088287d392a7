// Fair claims against a real MariaDB: one job per candidature at a time,
// whatever the number of claimers; the oldest waiting job of the other
// candidatures first; a version replaced before its job ran is never
// processed; the claim walks an index, not the job table.
#include <cppconn/connection.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "ingest/upload/UploadLimits.h"
#include "server/routes/CandidatureView.h"
#include "tests/db/TestDatabase.h"
#include "tests/workers/WorkflowRows.h"
#include "workers/queue/ClaimJob.h"
#include "workers/queue/CompleteJob.h"
#include "workers/queue/VersionSuperseded.h"

namespace dossier {
namespace {

using test::TestDatabase;

WorkerSettings Settings() {
  WorkerSettings settings;
  settings.lease = std::chrono::seconds(30);
  settings.backoff_base = std::chrono::milliseconds(0);
  return settings;
}

void Execute(sql::Connection& connection, const std::string& statement) {
  std::unique_ptr<sql::Statement>(connection.createStatement())->execute(statement);
}

// Pièce types p1…p8, for candidatures that upload several pièces.
void InsertPieceTypes(sql::Connection& connection) {
  test::InsertPieceType(connection, {});
  for (int i = 1; i <= 8; ++i)
    test::InsertPieceType(connection, {"p" + std::to_string(i), "Pièce " + std::to_string(i)});
}

// A candidature asking for `code`, with one version of it queued now.
std::int64_t QueueUpload(sql::Connection& connection, const std::string& candidature,
                         const std::string& code) {
  auto known = test::Prepare(connection, "SELECT COUNT(*) FROM candidature WHERE id = ?");
  known->setString(1, candidature);
  std::unique_ptr<sql::ResultSet> row(known->executeQuery());
  row->next();
  if (row->getInt(1) == 0) {
    test::InsertCandidature(connection, candidature, code);
  } else {
    auto piece = test::Prepare(connection,
                               "INSERT INTO pj_cand (candidature_id, piece_code, status, "
                               "current_version, updated_at) VALUES (?, ?, 'TR', 1, "
                               "UTC_TIMESTAMP(3))");
    piece->setString(1, candidature);
    piece->setString(2, code);
    piece->executeUpdate();
  }
  return test::InsertQueuedVersion(connection, candidature, code, 1).job_id;
}

std::optional<ClaimedJob> ClaimOne(sql::Connection& connection, const std::string& worker) {
  return ClaimJob(connection, worker, Settings()).job;
}

PrecheckResult Accepted() {
  PrecheckResult result;
  result.report.accepted = true;
  result.report.message = "Pièce acceptée : 1 page, 12 ko.";
  result.report.output_bytes = 12'000;
  result.output_key = "results/ab/abcdef";
  return result;
}

// The most jobs of one candidature running under a live lease right now.
long long MostRunningInOneCandidature(TestDatabase& db) {
  std::string most = db.Scalar(
      "SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM job j JOIN piece_version v "
      "ON v.id = j.piece_version_id WHERE j.state = 'running' "
      "AND j.locked_until >= UTC_TIMESTAMP(3) GROUP BY v.candidature_id) busy");
  return most.empty() ? 0 : std::stoll(most);
}

TEST(FairQueue, OneCandidaturesUploadsDoNotHoldEveryWorker) {
  TestDatabase db;
  PooledConnection connection = db.pool().Acquire();
  InsertPieceTypes(*connection);
  std::vector<std::int64_t> many;
  for (int i = 1; i <= 8; ++i)
    many.push_back(QueueUpload(*connection, "MANY", "p" + std::to_string(i)));
  std::int64_t cv = QueueUpload(*connection, "ONE", "cv");  // queued after all eight

  std::optional<ClaimedJob> first = ClaimOne(*connection, "host:1:a");
  std::optional<ClaimedJob> second = ClaimOne(*connection, "host:2:b");
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->id, many[0]);
  EXPECT_EQ(second->id, cv);  // not MANY's second upload
  EXPECT_EQ(second->candidature_id, "ONE");
  // A third worker finds nothing: both candidatures have a job running.
  EXPECT_FALSE(ClaimOne(*connection, "host:3:c"));
  EXPECT_EQ(db.Count("SELECT COUNT(*) FROM job WHERE state = 'queued'"), 7);

  // MANY's next upload goes as soon as its first is done.
  ASSERT_EQ(CompleteJob(*connection, *first, Accepted()), Completion::Completed);
  std::optional<ClaimedJob> third = ClaimOne(*connection, "host:3:c");
  ASSERT_TRUE(third);
  EXPECT_EQ(third->id, many[1]);
}

TEST(FairQueue, OnlyALiveLeaseBlocksItsCandidature) {
  TestDatabase db;
  PooledConnection connection = db.pool().Acquire();
  InsertPieceTypes(*connection);
  std::int64_t one = QueueUpload(*connection, "C1", "p1");
  std::int64_t two = QueueUpload(*connection, "C1", "p2");
  std::optional<ClaimedJob> held = ClaimOne(*connection, "host:1:a");
  ASSERT_TRUE(held);
  EXPECT_EQ(held->id, one);
  EXPECT_FALSE(ClaimOne(*connection, "host:2:b"));

  // Its holder died: the expired job is taken again first (the oldest), and
  // it blocks the candidature's other job anew.
  Execute(*connection,
          "UPDATE job SET locked_until = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE id = " +
              std::to_string(one));
  std::optional<ClaimedJob> again = ClaimOne(*connection, "host:2:b");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->id, one);
  EXPECT_EQ(again->attempt, 2);
  EXPECT_FALSE(ClaimOne(*connection, "host:3:c"));
  EXPECT_EQ(db.Scalar("SELECT state FROM job WHERE id = " + std::to_string(two)), "queued");
}

TEST(FairQueue, OldestWaitingJobOfAnIdleCandidatureComesFirst) {
  TestDatabase db;
  PooledConnection connection = db.pool().Acquire();
  InsertPieceTypes(*connection);
  std::int64_t a1 = QueueUpload(*connection, "A", "p1");
  std::int64_t b1 = QueueUpload(*connection, "B", "p1");
  std::int64_t a2 = QueueUpload(*connection, "A", "p2");
  std::int64_t c1 = QueueUpload(*connection, "C", "p1");
  std::int64_t b2 = QueueUpload(*connection, "B", "p2");

  std::optional<ClaimedJob> first = ClaimOne(*connection, "w:1:a");
  std::optional<ClaimedJob> second = ClaimOne(*connection, "w:2:b");
  std::optional<ClaimedJob> third = ClaimOne(*connection, "w:3:c");
  ASSERT_TRUE(first && second && third);
  EXPECT_EQ(first->id, a1);
  EXPECT_EQ(second->id, b1);
  EXPECT_EQ(third->id, c1);  // A2 is older, but A is busy
  EXPECT_FALSE(ClaimOne(*connection, "w:4:d"));

  // B is free first: B2 goes, though A2 is older, as A is still busy.
  ASSERT_EQ(CompleteJob(*connection, *second, Accepted()), Completion::Completed);
  std::optional<ClaimedJob> fourth = ClaimOne(*connection, "w:2:b");
  ASSERT_TRUE(fourth);
  EXPECT_EQ(fourth->id, b2);
  ASSERT_EQ(CompleteJob(*connection, *first, Accepted()), Completion::Completed);
  std::optional<ClaimedJob> fifth = ClaimOne(*connection, "w:1:a");
  ASSERT_TRUE(fifth);
  EXPECT_EQ(fifth->id, a2);
}

TEST(FairQueue, TwoClaimersAtTheSameInstantTakeOneJobOfACandidature) {
  // Both see the candidature idle; its row lets only one of them through.
  TestDatabase db;
  {
    PooledConnection connection = db.pool().Acquire();
    InsertPieceTypes(*connection);
  }
  std::unique_ptr<sql::Connection> left = ConnectionPool::Connect(db.url());
  std::unique_ptr<sql::Connection> right = ConnectionPool::Connect(db.url());
  for (int round = 0; round < 20; ++round) {
    std::string candidature = "R" + std::to_string(round);
    {
      PooledConnection connection = db.pool().Acquire();
      QueueUpload(*connection, candidature, "p1");
      QueueUpload(*connection, candidature, "p2");
    }
    std::atomic<int> ready{0};
    std::optional<ClaimedJob> got_left, got_right;
    auto claimer = [&](sql::Connection& connection, std::optional<ClaimedJob>& got,
                       const std::string& worker) {
      ++ready;
      while (ready < 2) {
      }
      got = ClaimOne(connection, worker);
    };
    std::thread a(claimer, std::ref(*left), std::ref(got_left), "left:1:a");
    std::thread b(claimer, std::ref(*right), std::ref(got_right), "right:1:b");
    a.join();
    b.join();
    EXPECT_NE(got_left.has_value(), got_right.has_value()) << "round " << round;
    EXPECT_EQ(MostRunningInOneCandidature(db), 1) << "round " << round;
    PooledConnection connection = db.pool().Acquire();
    for (const std::optional<ClaimedJob>* got : {&got_left, &got_right}) {
      if (*got) {
        ASSERT_EQ(CompleteJob(*connection, **got, Accepted()), Completion::Completed);
      }
    }
    Execute(*connection, "UPDATE job SET state = 'done' WHERE state = 'queued'");
  }
}

TEST(FairQueue, ConcurrentClaimersNeverRunTwoJobsOfOneCandidature) {
  TestDatabase db;
  constexpr int kCandidatures = 6, kPieces = 8, kJobs = kCandidatures * kPieces;
  {
    PooledConnection connection = db.pool().Acquire();
    InsertPieceTypes(*connection);
    // Interleaved: every candidature always has work waiting.
    for (int piece = 1; piece <= kPieces; ++piece)
      for (int c = 1; c <= kCandidatures; ++c)
        QueueUpload(*connection, "K" + std::to_string(c), "p" + std::to_string(piece));
  }
  std::mutex mutex;
  std::set<std::string> running;  // candidatures whose job a claimer holds
  int overlaps = 0;
  std::size_t most_at_once = 0;
  std::atomic<int> completed{0};
  std::atomic<bool> finished{false};
  std::atomic<long long> most_in_database{0};

  // Watches the database itself while the claimers work.
  std::thread watcher([&] {
    while (!finished) {
      most_in_database = std::max(most_in_database.load(), MostRunningInOneCandidature(db));
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  });
  std::vector<std::thread> claimers;
  for (int w = 0; w < 4; ++w) {
    claimers.emplace_back([&, w] {
      std::unique_ptr<sql::Connection> connection = ConnectionPool::Connect(db.url());
      auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
      while (completed < kJobs && std::chrono::steady_clock::now() < give_up) {
        std::optional<ClaimedJob> job = ClaimOne(*connection, "w:" + std::to_string(w) + ":x");
        if (!job) {
          std::this_thread::sleep_for(std::chrono::milliseconds(2));
          continue;
        }
        {
          std::lock_guard<std::mutex> guard(mutex);
          overlaps += running.insert(job->candidature_id).second ? 0 : 1;
          most_at_once = std::max(most_at_once, running.size());
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));  // the job's work
        {
          // Forgotten before the job ends in the database: a claim of this
          // candidature is only possible after that.
          std::lock_guard<std::mutex> guard(mutex);
          running.erase(job->candidature_id);
        }
        ASSERT_EQ(CompleteJob(*connection, *job, Accepted()), Completion::Completed);
        ++completed;
      }
    });
  }
  for (std::thread& claimer : claimers) claimer.join();
  finished = true;
  watcher.join();

  EXPECT_EQ(completed, kJobs);
  EXPECT_EQ(overlaps, 0);
  EXPECT_LE(most_in_database, 1);
  EXPECT_GE(most_at_once, 2u);  // candidatures still run side by side
  EXPECT_EQ(db.Count("SELECT COUNT(*) FROM job WHERE state = 'done'"), kJobs);
  EXPECT_EQ(db.Count("SELECT COUNT(*) FROM job_run"), kJobs);  // each job ran once
}

TEST(FairQueue, ReplacedVersionIsSupersededAndOnlyTheNewOneRuns) {
  TestDatabase db;
  PooledConnection connection = db.pool().Acquire();
  test::InsertPieceType(*connection, {});
  test::InsertCandidature(*connection, "C1", "cv");
  test::QueuedPiece old_version = test::InsertQueuedVersion(*connection, "C1", "cv", 1);
  // The candidate sends another file before the first was processed.
  test::QueuedPiece new_version = test::InsertQueuedVersion(*connection, "C1", "cv", 2);
  Execute(*connection, "UPDATE pj_cand SET current_version = 2");
  EXPECT_TRUE(VersionSuperseded(*connection, old_version.piece_version_id));
  EXPECT_FALSE(VersionSuperseded(*connection, new_version.piece_version_id));

  Claim claim = ClaimJob(*connection, "host:1:a", Settings());
  ASSERT_TRUE(claim.job);
  EXPECT_EQ(claim.job->id, new_version.job_id);
  EXPECT_EQ(claim.job->version, 2);
  ASSERT_EQ(claim.superseded.size(), 1u);
  EXPECT_EQ(claim.superseded[0].id, old_version.job_id);
  EXPECT_EQ(claim.superseded[0].version, 1);
  EXPECT_EQ(claim.superseded[0].candidature_id, "C1");
  std::string old_job = " FROM job WHERE id = " + std::to_string(old_version.job_id);
  // Never run, never counted, recorded with its reason.
  EXPECT_EQ(db.Scalar("SELECT CONCAT_WS('|', state, attempts, finished_at IS NOT NULL, "
                      "lease_token IS NULL, last_error)" +
                      old_job),
            "superseded|0|1|1|version 1 replaced by version 2 before it ran");
  EXPECT_EQ(
      db.Count("SELECT COUNT(*) FROM job_run WHERE job_id = " + std::to_string(old_version.job_id)),
      0);

  // The pages show the current version, pending, then its result.
  auto cv_piece = [&] {
    Poco::JSON::Object::Ptr body = CandidatureJson(*connection, "C1", UploadLimits());
    return body->getArray("pieces")->getObject(0);
  };
  EXPECT_EQ(cv_piece()->getValue<int>("version"), 2);
  EXPECT_EQ(cv_piece()->getValue<std::string>("processing"), "pending");
  ASSERT_EQ(CompleteJob(*connection, *claim.job, Accepted()), Completion::Completed);
  EXPECT_EQ(cv_piece()->getValue<std::string>("processing"), "done");
  EXPECT_EQ(cv_piece()->getValue<std::string>("message"), Accepted().report.message);
  EXPECT_EQ(db.Count("SELECT COUNT(*) FROM precheck"), 1);
  EXPECT_EQ(db.Scalar("SELECT piece_version_id FROM precheck"),
            std::to_string(new_version.piece_version_id));
  EXPECT_FALSE(ClaimOne(*connection, "host:1:a"));
}

TEST(FairQueue, ExpiredRunOfAReplacedVersionIsSupersededNotRunAgain) {
  TestDatabase db;
  PooledConnection connection = db.pool().Acquire();
  test::InsertPieceType(*connection, {});
  test::InsertCandidature(*connection, "C1", "cv");
  test::QueuedPiece old_version = test::InsertQueuedVersion(*connection, "C1", "cv", 1);
  std::optional<ClaimedJob> lost = ClaimOne(*connection, "host:1:a");
  ASSERT_TRUE(lost);
  // Its worker died; meanwhile version 2 was uploaded.
  test::QueuedPiece new_version = test::InsertQueuedVersion(*connection, "C1", "cv", 2);
  Execute(*connection, "UPDATE pj_cand SET current_version = 2");
  Execute(*connection,
          "UPDATE job SET locked_until = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE id = " +
              std::to_string(old_version.job_id));
  Claim claim = ClaimJob(*connection, "host:2:b", Settings());
  ASSERT_TRUE(claim.job);
  EXPECT_EQ(claim.job->id, new_version.job_id);
  ASSERT_EQ(claim.superseded.size(), 1u);
  EXPECT_EQ(db.Scalar("SELECT CONCAT_WS('|', state, attempts) FROM job WHERE id = " +
                      std::to_string(old_version.job_id)),
            "superseded|1");
  EXPECT_EQ(db.Scalar("SELECT outcome FROM job_run WHERE id = " + std::to_string(lost->run_id)),
            "lost_lease");
}

// Rows the storage engine read for the statements of this session so far.
long long RowsRead(sql::Connection& connection) {
  std::unique_ptr<sql::ResultSet> rows(
      std::unique_ptr<sql::Statement>(connection.createStatement())
          ->executeQuery("SHOW SESSION STATUS LIKE 'Handler_read%'"));
  long long total = 0;
  while (rows->next()) total += std::stoll(rows->getString(2));
  return total;
}

TEST(FairQueue, ClaimReadsAFewIndexEntriesNotTheWholeQueue) {
  // 30 000 jobs: 20 000 done, 10 000 queued, the oldest queued ones of
  // candidatures already busy.
  TestDatabase db;
  PooledConnection connection = db.pool().Acquire();
  test::InsertPieceType(*connection, {});
  Execute(*connection, "SET SESSION max_recursive_iterations = 100000");
  Execute(*connection,
          "INSERT INTO candidature (id, formation, status, created_at, updated_at) "
          "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6000) "
          "SELECT CONCAT('B', LPAD(i, 5, '0')), 'L', 'AT', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3) "
          "FROM n");
  Execute(*connection,
          "INSERT INTO pj_cand (candidature_id, piece_code, status, current_version, updated_at) "
          "SELECT id, 'cv', 'TR', 5, UTC_TIMESTAMP(3) FROM candidature");
  Execute(*connection,
          "INSERT INTO piece_version (candidature_id, piece_code, version, created_at) "
          "WITH RECURSIVE v (k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM v WHERE k < 5) "
          "SELECT c.id, 'cv', v.k, UTC_TIMESTAMP(3) FROM candidature c, v ORDER BY c.id, v.k");
  Execute(*connection,
          "INSERT INTO job (piece_version_id, state, run_after, created_at) "
          "SELECT id, IF(candidature_id <= 'B04000', 'done', 'queued'), UTC_TIMESTAMP(3), "
          "UTC_TIMESTAMP(3) FROM piece_version ORDER BY id");
  // The first four queued candidatures each have a job running.
  Execute(*connection,
          "UPDATE job j JOIN piece_version v ON v.id = j.piece_version_id "
          "SET j.state = 'running', j.locked_until = UTC_TIMESTAMP(3) + INTERVAL 1 HOUR "
          "WHERE v.candidature_id IN ('B04001', 'B04002', 'B04003', 'B04004') AND v.version = 5");
  ASSERT_EQ(db.Count("SELECT COUNT(*) FROM job WHERE state = 'queued'"), 9'996);

  long long before = RowsRead(*connection);
  std::optional<ClaimedJob> job = ClaimOne(*connection, "host:1:a");
  long long read = RowsRead(*connection) - before;
  ASSERT_TRUE(job);
  EXPECT_EQ(job->candidature_id, "B04005");
  EXPECT_EQ(job->version, 5);
  EXPECT_LT(read, 1'000) << "rows read by one claim";
}

}  // namespace
}  // namespace dossier
