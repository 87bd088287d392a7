// Faults of our own disk are not the candidate's: a job whose result cannot
// be written (full disk, quota, I/O error) is put back without an attempt
// counted, waits 5 s doubling, and succeeds once space is back. What a crash
// left in the data directory's tmp/ is removed when dossierd starts.
//
// The job children are forked from this test process, so it must not run
// libvips operations itself (see WorkerProcessTest).
#include <cppconn/connection.h>
#include <cppconn/statement.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <thread>

#include "store/blobs/BlobStore.h"
#include "tests/db/TestDatabase.h"
#include "tests/fixtures/BornDigitalPdf.h"
#include "tests/fixtures/SampleTexts.h"
#include "tests/support/Oracles.h"
#include "tests/workers/FastWorkerSettings.h"
#include "tests/workers/WorkflowRows.h"
#include "workers/run/JobRunner.h"
#include "workflow/policy/PiecePolicy.h"

namespace dossier {
namespace {

using test::TestDatabase;
using testing::TempDir;

void QueueCv(TestDatabase& db, const std::string& data_dir) {
  BlobStore store(data_dir);
  PooledConnection connection = db.pool().Acquire();
  test::InsertPieceType(*connection, {});
  test::InsertCandidature(*connection, "C1", "cv");
  test::InsertQueuedVersion(*connection, "C1", "cv", 1,
                            {{"cv.pdf", fixtures::BornDigitalPdf(fixtures::CvPages())}}, &store);
}

JobRunner Runner(TestDatabase& db, const std::string& data_dir) {
  return JobRunner(db.pool(), data_dir, test::FastWorkerSettings(), PiecePolicy::BuiltIn(),
                   "testhost:" + std::to_string(getpid()) + ":storage");
}

int FilesUnder(const std::string& dir) {
  int count = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
    count += entry.is_regular_file() ? 1 : 0;
  return count;
}

// Milliseconds until the job is due again.
long long MillisUntilDue(TestDatabase& db) {
  return db.Count(
      "SELECT TIMESTAMPDIFF(MICROSECOND, UTC_TIMESTAMP(3), run_after) DIV 1000 FROM job");
}

void MakeDue(TestDatabase& db) {
  PooledConnection connection = db.pool().Acquire();
  std::unique_ptr<sql::Statement>(connection->createStatement())
      ->execute("UPDATE job SET run_after = UTC_TIMESTAMP(3)");
}

// The job met a full disk: back in the queue, no attempt counted, due again
// after about `wait`, its run recorded as storage_full.
void ExpectWaitingForSpace(TestDatabase& db, const JobAttempt& outcome,
                           std::chrono::milliseconds wait, int faults) {
  EXPECT_EQ(outcome.outcome, "storage_full") << outcome.error;
  EXPECT_NE(outcome.error.find(std::strerror(ENOSPC)), std::string::npos) << outcome.error;
  EXPECT_NE(JobLogLine(outcome).find("\"outcome\":\"storage_full\""), std::string::npos);
  EXPECT_EQ(db.Scalar("SELECT CONCAT_WS('|', state, attempts, lease_token IS NULL) FROM job"),
            "queued|0|1");
  long long due_in = MillisUntilDue(db);
  EXPECT_GT(due_in, wait.count() - 2'000);
  EXPECT_LE(due_in, wait.count());
  EXPECT_EQ(db.Count("SELECT COUNT(*) FROM job_run WHERE outcome = 'storage_full' "
                     "AND error LIKE '%No space left on device%'"),
            faults);
  EXPECT_EQ(db.Count("SELECT COUNT(*) FROM precheck"), 0);
}

void ExpectDoneAtLast(TestDatabase& db, const std::string& data_dir,
                      const std::optional<JobAttempt>& outcome) {
  ASSERT_TRUE(outcome);
  EXPECT_EQ(outcome->outcome, "done") << outcome->error;
  EXPECT_EQ(outcome->status, "accepted");
  EXPECT_EQ(outcome->attempt, 1);
  EXPECT_EQ(db.Scalar("SELECT CONCAT_WS('|', state, attempts) FROM job"), "done|1");
  EXPECT_EQ(db.Scalar("SELECT outcome FROM precheck"), "accepted");
  std::string key = db.Scalar("SELECT output_key FROM precheck");
  EXPECT_TRUE(testing::QpdfCheckPasses(testing::ReadFile(BlobStore(data_dir).PathOf(key))));
  EXPECT_EQ(FilesUnder(data_dir + "/tmp"), 0);
}

// Sets DOSSIER_FAULT_NO_SPACE for the life of the object.
class NoSpaceFlag {
 public:
  explicit NoSpaceFlag(const std::string& path) {
    setenv("DOSSIER_FAULT_NO_SPACE", path.c_str(), 1);
  }
  ~NoSpaceFlag() { unsetenv("DOSSIER_FAULT_NO_SPACE"); }
};

TEST(StorageFault, FullDiskReleasesTheJobWithoutAnAttemptUntilSpaceReturns) {
  TestDatabase db;
  TempDir data;
  TempDir flags;
  QueueCv(db, data.path());
  std::string full = flags.Write("disk-full", "");
  NoSpaceFlag flag(full);
  JobRunner runner = Runner(db, data.path());

  // More faults than max_attempts: the pièce never becomes unprocessable.
  std::chrono::milliseconds wait(5'000);
  for (int fault = 1; fault <= 4; ++fault) {
    std::optional<JobAttempt> outcome = runner.RunNext();
    ASSERT_TRUE(outcome) << "fault " << fault;
    ExpectWaitingForSpace(db, *outcome, wait, fault);
    EXPECT_FALSE(runner.RunNext()) << "not due yet";
    MakeDue(db);
    wait *= 2;
  }
  EXPECT_EQ(FilesUnder(data.path() + "/tmp"), 0);
  EXPECT_EQ(FilesUnder(data.path() + "/results"), 0);

  std::remove(full.c_str());  // space is back
  ExpectDoneAtLast(db, data.path(), runner.RunNext());
}

TEST(StorageFault, StorageBackoffStopsAtFiveMinutes) {
  TestDatabase db;
  TempDir data;
  TempDir flags;
  QueueCv(db, data.path());
  {
    // Seven earlier faults: 5 s × 2^7 is past the cap.
    PooledConnection connection = db.pool().Acquire();
    std::unique_ptr<sql::Statement>(connection->createStatement())
        ->execute(
            "INSERT INTO job_run (job_id, attempt, worker, started_at, ended_at, outcome, "
            "error) SELECT j.id, 1, 'old:1:x', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), "
            "'storage_full', 'No space left on device' "
            "FROM job j, (SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 "
            "UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7) seven");
  }
  NoSpaceFlag flag(flags.Write("disk-full", ""));
  std::optional<JobAttempt> outcome = Runner(db, data.path()).RunNext();
  ASSERT_TRUE(outcome);
  ExpectWaitingForSpace(db, *outcome, std::chrono::minutes(5), 8);
}

// A tmpfs of `megabytes` mounted on `path` for the life of the object.
class SmallTmpfs {
 public:
  SmallTmpfs(std::string path, int megabytes) : path_(std::move(path)) {
    mkdir(path_.c_str(), 0750);
    std::string options = "size=" + std::to_string(megabytes) + "m";
    mounted_ = mount("tmpfs", path_.c_str(), "tmpfs", 0, options.c_str()) == 0;
  }
  ~SmallTmpfs() {
    if (mounted_) umount2(path_.c_str(), MNT_DETACH);
  }
  SmallTmpfs(const SmallTmpfs&) = delete;
  SmallTmpfs& operator=(const SmallTmpfs&) = delete;
  bool mounted() const { return mounted_; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  bool mounted_ = false;
};

// Writes `path` until the file system refuses a byte more.
void FillUp(const std::string& path) {
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
  ASSERT_GE(fd, 0);
  std::string block(64 * 1024, 'x');
  int error = 0;
  for (;;) {
    ssize_t n = write(fd, block.data(), block.size());
    if (n > 0) continue;
    error = errno;
    break;
  }
  close(fd);
  ASSERT_EQ(error, ENOSPC);
}

TEST(StorageFault, RealFullFileSystemCostsNoAttempt) {
  TestDatabase db;
  TempDir base;
  SmallTmpfs disk(base.path() + "/data", 8);
  if (!disk.mounted()) GTEST_SKIP() << "mounting a tmpfs is not permitted here";
  QueueCv(db, disk.path());
  std::string filler = disk.path() + "/filler";
  FillUp(filler);
  {
    // The store says why, and that it is a disk fault.
    BlobStore store(disk.path());
    try {
      store.WriteDurably(store.NewKey("results"), std::string(256 * 1024, 'y'));
      ADD_FAILURE() << "a write to a full disk succeeded";
    } catch (const BlobError& error) {
      EXPECT_EQ(error.error_number(), ENOSPC) << error.what();
      EXPECT_TRUE(error.storage_fault());
    }
  }
  JobRunner runner = Runner(db, disk.path());
  std::optional<JobAttempt> outcome = runner.RunNext();
  ASSERT_TRUE(outcome);
  ExpectWaitingForSpace(db, *outcome, std::chrono::seconds(5), 1);

  std::remove(filler.c_str());
  MakeDue(db);
  ExpectDoneAtLast(db, disk.path(), runner.RunNext());
}

void SetAge(const std::string& path, std::chrono::seconds age) {
  timespec times[2];
  times[0].tv_sec = times[1].tv_sec = time(nullptr) - static_cast<time_t>(age.count());
  times[0].tv_nsec = times[1].tv_nsec = 0;
  ASSERT_EQ(utimensat(AT_FDCWD, path.c_str(), times, 0), 0);
}

bool Exists(const std::string& path) {
  return access(path.c_str(), F_OK) == 0;
}

TEST(StorageFault, OnlyStaleTemporariesAreRemoved) {
  TempDir data;
  BlobStore store(data.path());
  std::string crashed = store.TempPath(), in_progress = store.TempPath();
  std::string other = data.path() + "/tmp/notes.txt";
  for (const std::string* path : {&crashed, &in_progress, &other}) std::ofstream(*path) << "bytes";
  SetAge(crashed, std::chrono::hours(2));
  SetAge(in_progress, std::chrono::minutes(10));
  SetAge(other, std::chrono::hours(2));
  EXPECT_EQ(store.RemoveStaleTemporaries(std::chrono::hours(1)), 1);
  EXPECT_FALSE(Exists(crashed));
  EXPECT_TRUE(Exists(in_progress));
  EXPECT_TRUE(Exists(other));  // not a file of ours
}

TEST(StorageFault, DossierdRemovesStaleTemporariesAtStart) {
  TestDatabase db;
  TempDir data;
  BlobStore store(data.path());
  std::string crashed = store.TempPath(), in_progress = store.TempPath();
  std::ofstream(crashed) << "half an upload";
  std::ofstream(in_progress) << "an upload still arriving";
  SetAge(crashed, std::chrono::hours(3));
  std::string log = data.path() + "/dossierd.log";

  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    int out = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(out, STDOUT_FILENO);
    dup2(out, STDERR_FILENO);
    std::string binary = testing::BuiltBinary("dossierd"), url = db.UrlText();
    execl(binary.c_str(), binary.c_str(), "--role", "worker", "--workers", "0", "--data-dir",
          data.path().c_str(), "--db", url.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < until &&
         testing::ReadFile(log).find("\"event\":\"started\"") == std::string::npos)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  kill(pid, SIGTERM);
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  std::string text = testing::ReadFile(log);
  ASSERT_NE(text.find("\"event\":\"started\""), std::string::npos) << text;
  EXPECT_FALSE(Exists(crashed));
  EXPECT_TRUE(Exists(in_progress));
  EXPECT_NE(text.find("\"event\":\"stale_temporaries_removed\""), std::string::npos) << text;
  EXPECT_NE(text.find("\"files\":\"1\""), std::string::npos) << text;
}

}  // namespace
}  // namespace dossier
