// The supervisor against real processes and the real database: a killed
// worker is counted, its jobs are released at once, and it is replaced;
// Stop() ends every worker, by SIGKILL when SIGTERM is ignored.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <functional>
#include <thread>

#include "tests/db/TestDatabase.h"
#include "tests/support/Oracles.h"
#include "tests/workers/WorkflowRows.h"
#include "workers/queue/ClaimJob.h"
#include "workers/supervisor/WorkerSupervisor.h"

namespace dossier {
namespace {

using test::TestDatabase;

bool Eventually(const std::function<bool()>& condition,
                std::chrono::seconds limit = std::chrono::seconds(30)) {
  auto until = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < until) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return condition();
}

bool ProcessExists(pid_t pid) {
  return kill(pid, 0) == 0;
}

std::string HostName() {
  char name[256] = {};
  gethostname(name, sizeof name - 1);
  return name;
}

TEST(Supervisor, KilledWorkerIsCountedAndReplaced) {
  TestDatabase db;
  WorkerSupervisor supervisor({"/bin/sleep", "30"}, 2, db.url(), WorkerSettings{});
  supervisor.Start();
  EXPECT_EQ(supervisor.alive(), 2);
  std::vector<pid_t> first = supervisor.pids();
  ASSERT_EQ(first.size(), 2u);

  kill(first[0], SIGKILL);
  ASSERT_TRUE(Eventually([&] { return supervisor.restarts() == 1 && supervisor.alive() == 2; }));
  std::vector<pid_t> now = supervisor.pids();
  EXPECT_EQ(std::count(now.begin(), now.end(), first[0]), 0);
  EXPECT_EQ(std::count(now.begin(), now.end(), first[1]), 1);
  EXPECT_EQ(db.Scalar("SELECT value FROM counter WHERE name = 'worker_restarts'"), "1");

  supervisor.Stop(std::chrono::seconds(10));
  EXPECT_EQ(supervisor.alive(), 0);
  for (pid_t pid : now) EXPECT_FALSE(ProcessExists(pid)) << pid;
  EXPECT_EQ(supervisor.restarts(), 1);  // stopping is not dying
  EXPECT_EQ(db.Scalar("SELECT value FROM counter WHERE name = 'worker_restarts'"), "1");
}

TEST(Supervisor, JobsOfADeadWorkerAreReleasedAtOnce) {
  TestDatabase db;
  WorkerSupervisor supervisor({"/bin/sleep", "30"}, 1, db.url(), WorkerSettings{});
  supervisor.Start();
  ASSERT_EQ(supervisor.pids().size(), 1u);
  pid_t pid = supervisor.pids()[0];
  std::string worker_id = HostName() + ":" + std::to_string(pid) + ":abcd";
  {
    PooledConnection connection = db.pool().Acquire();
    test::InsertPieceType(*connection, {});
    test::InsertCandidature(*connection, "C1", "cv");
    test::InsertQueuedVersion(*connection, "C1", "cv", 1);
    WorkerSettings long_lease;
    long_lease.lease = std::chrono::hours(1);
    ASSERT_TRUE(ClaimJob(*connection, worker_id, long_lease).job);
  }

  kill(pid, SIGKILL);
  ASSERT_TRUE(Eventually([&] { return supervisor.restarts() == 1 && supervisor.alive() == 1; }));
  EXPECT_EQ(db.Count("SELECT locked_until <= UTC_TIMESTAMP(3) FROM job"), 1);
  EXPECT_EQ(db.Scalar("SELECT CONCAT_WS('|', outcome, error) FROM job_run"),
            "crashed|worker process died");
  // Another worker takes it now, not an hour from now; the attempt counts.
  PooledConnection connection = db.pool().Acquire();
  std::optional<ClaimedJob> next = ClaimJob(*connection, "other:1:x", WorkerSettings{}).job;
  ASSERT_TRUE(next);
  EXPECT_EQ(next->attempt, 2);
}

TEST(Supervisor, WorkersRunWithOneOpenMpThread) {
  TestDatabase db;
  testing::TempDir dir;
  std::string seen = dir.path() + "/omp";
  const char* before = std::getenv("OMP_THREAD_LIMIT");
  std::string saved = before ? before : "";
  setenv("OMP_THREAD_LIMIT", "8", 1);
  WorkerSupervisor supervisor({"/bin/sh", "-c",
                               "echo \"$OMP_THREAD_LIMIT\" > '" + seen + ".part' && mv '" + seen +
                                   ".part' '" + seen + "' && exec sleep 30"},
                              1, db.url(), WorkerSettings{});
  if (before)
    setenv("OMP_THREAD_LIMIT", saved.c_str(), 1);
  else
    unsetenv("OMP_THREAD_LIMIT");
  supervisor.Start();
  ASSERT_TRUE(Eventually([&] { return access(seen.c_str(), F_OK) == 0; }));
  EXPECT_EQ(testing::ReadFile(seen), "1\n");
  supervisor.Stop(std::chrono::seconds(10));
  EXPECT_EQ(supervisor.restarts(), 0);
}

TEST(Supervisor, StopKillsAWorkerThatIgnoresSigtermAndReleasesItsJobs) {
  TestDatabase db;
  testing::TempDir dir;
  std::string deaf = dir.path() + "/deaf";
  WorkerSupervisor supervisor(
      {"/bin/sh", "-c", "trap '' TERM; touch '" + deaf + "'; exec sleep 30"}, 1, db.url(),
      WorkerSettings{});
  supervisor.Start();
  ASSERT_EQ(supervisor.pids().size(), 1u);
  pid_t pid = supervisor.pids()[0];
  ASSERT_TRUE(Eventually([&] { return access(deaf.c_str(), F_OK) == 0; }));
  {
    PooledConnection connection = db.pool().Acquire();
    test::InsertPieceType(*connection, {});
    test::InsertCandidature(*connection, "C1", "cv");
    test::InsertQueuedVersion(*connection, "C1", "cv", 1);
    ASSERT_TRUE(
        ClaimJob(*connection, HostName() + ":" + std::to_string(pid) + ":ef", WorkerSettings{})
            .job);
  }
  supervisor.Stop(std::chrono::seconds(1));
  EXPECT_EQ(supervisor.alive(), 0);
  EXPECT_FALSE(ProcessExists(pid));
  // Killed on the way out: its job is free for the next worker, and
  // stopping counts no restart.
  EXPECT_EQ(db.Count("SELECT locked_until <= UTC_TIMESTAMP(3) FROM job"), 1);
  EXPECT_EQ(db.Scalar("SELECT outcome FROM job_run"), "crashed");
  EXPECT_EQ(supervisor.restarts(), 0);
  EXPECT_EQ(db.Count("SELECT COUNT(*) FROM counter WHERE name = 'worker_restarts'"), 0);
}

TEST(Supervisor, WorkerExitingWithAnErrorIsRestarted) {
  TestDatabase db;
  WorkerSupervisor supervisor({"/bin/sh", "-c", "exit 3"}, 1, db.url(), WorkerSettings{});
  supervisor.Start();
  ASSERT_TRUE(Eventually([&] { return supervisor.restarts() >= 2; }));
  supervisor.Stop(std::chrono::seconds(5));
  EXPECT_GE(db.Count("SELECT value FROM counter WHERE name = 'worker_restarts'"), 2);
}

}  // namespace
}  // namespace dossier
