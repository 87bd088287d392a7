// One job at a time, in-process, as a worker runs it: real rows, real files
// in the store, a real job child processing them; and a whole worker
// process forked from the test, stopped by SIGTERM.
//
// The job children are forked from this test process, so it must not run
// libvips operations itself (a forked libvips waits forever for the threads
// fork did not copy): image fixtures are generated in a child too.
#include <cppconn/connection.h>
#include <cppconn/statement.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "isolation/ChildEnd.h"
#include "isolation/LimitedChild.h"
#include "tests/db/TestDatabase.h"
#include "tests/fixtures/BornDigitalPdf.h"
#include "tests/fixtures/DocxLike.h"
#include "tests/fixtures/SampleTexts.h"
#include "tests/fixtures/ScanJpeg.h"
#include "tests/support/Oracles.h"
#include "tests/workers/FastWorkerSettings.h"
#include "tests/workers/WorkflowRows.h"
#include "workers/queue/ClaimJob.h"
#include "workers/run/JobRunner.h"
#include "workers/run/WorkerProcess.h"
#include "workflow/policy/PiecePolicy.h"

namespace dossier {
namespace {

using test::TestDatabase;
using testing::TempDir;

std::string CvPdf() {
  return fixtures::BornDigitalPdf(fixtures::CvPages());
}

// A scanned page as JPEG, made in a child process (see above).
std::string JpegMadeInAChild(const fixtures::TextPageSpec& spec) {
  ChildLimits limits;
  limits.wall_time = std::chrono::seconds(60);
  ChildResult made = RunLimitedChild(
      [&](int fd) {
        std::string jpeg = fixtures::ScanJpeg(spec, 85);
        for (std::size_t done = 0; done < jpeg.size();) {
          ssize_t n = write(fd, jpeg.data() + done, jpeg.size() - done);
          if (n <= 0) return 1;
          done += static_cast<std::size_t>(n);
        }
        return 0;
      },
      limits);
  EXPECT_EQ(made.end, ChildResult::End::Exited);
  return made.output;
}

std::string ScannedBulletinJpeg() {
  fixtures::TextPageSpec spec;
  spec.lines = fixtures::BulletinTrimestrielLines(1);
  spec.dpi = 150;
  spec.grey = true;
  return JpegMadeInAChild(spec);
}

// The relevé de notes du bac of the candidature's declared INE, scanned at
// 300 dpi.
std::string ScannedReleveJpeg() {
  fixtures::TextPageSpec spec;
  spec.lines = fixtures::ReleveNotesBacLines("1234567890V");
  spec.dpi = 300;
  spec.grey = true;
  spec.noise_sigma = 6;
  spec.bold_lines = 1;
  return JpegMadeInAChild(spec);
}

// A candidature C1 whose pièce `type.code` has one version with `files`
// stored in `data_dir`, and its queued job.
test::QueuedPiece QueuePiece(TestDatabase& db, const std::string& data_dir,
                             const test::PieceTypeRow& type, const std::vector<InputFile>& files,
                             bool store_files = true) {
  BlobStore store(data_dir);
  PooledConnection connection = db.pool().Acquire();
  test::InsertPieceType(*connection, type);
  test::InsertCandidature(*connection, "C1", type.code);
  return test::InsertQueuedVersion(*connection, "C1", type.code, 1, files,
                                   store_files ? &store : nullptr);
}

JobRunner Runner(TestDatabase& db, const std::string& data_dir,
                 const WorkerSettings& settings = test::FastWorkerSettings(), JobWatch watch = {}) {
  return JobRunner(db.pool(), data_dir, settings, PiecePolicy::BuiltIn(),
                   "testhost:" + std::to_string(getpid()) + ":runner", std::move(watch));
}

int FilesUnder(const std::string& dir) {
  int count = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
    count += entry.is_regular_file() ? 1 : 0;
  return count;
}

// Sets DOSSIER_FAULT_CRASH_MARKER for the life of the object.
class CrashMarker {
 public:
  explicit CrashMarker(const char* marker) { setenv("DOSSIER_FAULT_CRASH_MARKER", marker, 1); }
  ~CrashMarker() { unsetenv("DOSSIER_FAULT_CRASH_MARKER"); }
};

TEST(WorkerProcess, AcceptedPieceIsMergedPublishedAndRecorded) {
  TestDatabase db;
  TempDir data;
  std::string jpeg = ScannedBulletinJpeg();
  ASSERT_FALSE(jpeg.empty());
  QueuePiece(db, data.path(), {"bulletins", "Bulletins de notes", 2'000'000, "pdf,jpeg,png"},
             {{"cv.pdf", CvPdf()}, {"bulletin.jpg", jpeg}});
  JobRunner runner = Runner(db, data.path());

  std::optional<JobAttempt> outcome = runner.RunNext();
  ASSERT_TRUE(outcome);
  EXPECT_EQ(outcome->outcome, "done") << outcome->error;
  EXPECT_EQ(outcome->status, "accepted");
  EXPECT_EQ(outcome->ine, "non_verifie");
  EXPECT_EQ(outcome->attempt, 1);

  EXPECT_EQ(db.Scalar("SELECT outcome FROM precheck"), "accepted");
  std::string key = db.Scalar("SELECT output_key FROM precheck");
  ASSERT_EQ(key.rfind("results/", 0), 0u) << key;
  std::string pdf = testing::ReadFile(BlobStore(data.path()).PathOf(key));
  EXPECT_TRUE(testing::QpdfCheckPasses(pdf));
  EXPECT_EQ(testing::PopplerPageCount(pdf), 3);  // two CV pages, then the scan
  EXPECT_EQ(db.Scalar("SELECT output_bytes FROM precheck"), std::to_string(pdf.size()));
  std::string thumbnail = db.Scalar("SELECT thumbnail_key FROM precheck");  // the pages' preview
  EXPECT_EQ(thumbnail.rfind("results/", 0), 0u) << thumbnail;
  EXPECT_EQ(
      testing::ReadFile(BlobStore(data.path()).PathOf(thumbnail)).compare(0, 3, "\xFF\xD8\xFF"), 0);
  std::string report = db.Scalar("SELECT report FROM precheck");
  EXPECT_NE(report.find("\"status\":\"accepted\""), std::string::npos) << report;
  EXPECT_NE(report.find("bulletin.jpg"), std::string::npos) << report;
  EXPECT_NE(db.Scalar("SELECT message FROM precheck").find("Pièce acceptée"), std::string::npos);

  EXPECT_EQ(db.Scalar("SELECT CONCAT_WS('|', state, attempts, lease_token IS NULL) FROM job"),
            "done|1|1");
  EXPECT_EQ(db.Count("SELECT COUNT(*) FROM job_run"), 1);
  EXPECT_EQ(db.Scalar("SELECT outcome FROM job_run"), "done");
  EXPECT_EQ(db.Scalar("SELECT status FROM pj_cand"), "TR");  // the gestionnaire decides
  EXPECT_EQ(db.Count("SELECT COUNT(*) FROM outbox"), 0);
  EXPECT_EQ(FilesUnder(data.path() + "/tmp"), 0);
  EXPECT_FALSE(runner.RunNext());  // the queue is empty
}

TEST(WorkerProcess, PieceOverItsLimitIsRefusedAndTheCandidateTold) {
  TestDatabase db;
  TempDir data;
  QueuePiece(db, data.path(), {"cv", "CV", 1'000, "pdf,jpeg,png"}, {{"cv.pdf", CvPdf()}});
  JobRunner runner = Runner(db, data.path());

  std::optional<JobAttempt> outcome = runner.RunNext();
  ASSERT_TRUE(outcome);
  EXPECT_EQ(outcome->outcome, "done") << outcome->error;
  EXPECT_EQ(outcome->status, "refused");
  EXPECT_EQ(outcome->reason, "size");

  std::string message = db.Scalar("SELECT message FROM precheck");
  EXPECT_EQ(db.Scalar("SELECT CONCAT_WS('|', outcome, reason, output_key IS NULL) FROM precheck"),
            "refused|size|1");
  EXPECT_EQ(db.Scalar("SELECT status FROM pj_cand"), "RE");
  EXPECT_EQ(db.Scalar("SELECT comment FROM pj_cand"), message);
  EXPECT_NE(message.find("au-delà de la limite de 1 ko"), std::string::npos) << message;
  EXPECT_EQ(db.Scalar("SELECT CONCAT_WS('|', kind, recipient, subject) FROM outbox"),
            "piece_refused|camille.martin@example.org|Pièce refusée : CV");
  EXPECT_NE(db.Scalar("SELECT body FROM outbox").find(message), std::string::npos);
  EXPECT_EQ(db.Scalar("SELECT state FROM job"), "done");
  EXPECT_EQ(FilesUnder(data.path() + "/results"), 0);
  EXPECT_EQ(FilesUnder(data.path() + "/tmp"), 0);
}

TEST(WorkerProcess, WordDocumentIsRefusedByName) {
  TestDatabase db;
  TempDir data;
  QueuePiece(db, data.path(), {"lettre_motivation", "Lettre de motivation", 2'000'000, "pdf"},
             {{"lettre.docx", fixtures::DocxLike()}});
  JobRunner runner = Runner(db, data.path());
  std::optional<JobAttempt> outcome = runner.RunNext();
  ASSERT_TRUE(outcome);
  EXPECT_EQ(outcome->reason, "format");
  EXPECT_EQ(db.Scalar("SELECT status FROM pj_cand"), "RE");
  EXPECT_NE(db.Scalar("SELECT comment FROM pj_cand").find("« lettre.docx »"), std::string::npos);
}

TEST(WorkerProcess, IneIsReadByOcrWithTheReaderEveryJobChildInherits) {
  TestDatabase db;
  TempDir data;
  std::string jpeg = ScannedReleveJpeg();
  ASSERT_FALSE(jpeg.empty());
  test::PieceTypeRow releve{"releve_bac", "Relevé de notes du baccalauréat", 2'000'000,
                            "pdf,jpeg,png", /*check_ine=*/true};
  QueuePiece(db, data.path(), releve, {{"releve.jpg", jpeg}});
  {
    BlobStore store(data.path());
    PooledConnection connection = db.pool().Acquire();
    test::InsertQueuedVersion(*connection, "C1", "releve_bac", 2, {{"releve.jpg", jpeg}}, &store);
  }
  JobRunner runner = Runner(db, data.path());
  // Two jobs, one reader: created for the first, inherited by both children.
  for (int version = 1; version <= 2; ++version) {
    std::optional<JobAttempt> outcome = runner.RunNext();
    ASSERT_TRUE(outcome);
    EXPECT_EQ(outcome->version, version);
    EXPECT_EQ(outcome->outcome, "done") << outcome->error;
    EXPECT_EQ(outcome->ine, "conforme");
  }
  EXPECT_EQ(db.Count("SELECT COUNT(*) FROM precheck WHERE ine_verdict = 'conforme'"), 2);
  std::string report = db.Scalar("SELECT report FROM precheck LIMIT 1");
  EXPECT_NE(report.find("\"source\":\"ocr\""), std::string::npos) << report;
  EXPECT_NE(report.find("\"value\":\"1234567890V\""), std::string::npos) << report;
}

TEST(WorkerProcess, OnlyTheVersionTheCandidateKeptIsProcessed) {
  TestDatabase db;
  TempDir data;
  QueuePiece(db, data.path(), {}, {{"ancien.pdf", CvPdf()}});
  {
    // A second file sent before the first was processed.
    BlobStore store(data.path());
    PooledConnection connection = db.pool().Acquire();
    test::InsertQueuedVersion(*connection, "C1", "cv", 2, {{"nouveau.pdf", CvPdf()}}, &store);
    std::unique_ptr<sql::Statement>(connection->createStatement())
        ->execute("UPDATE pj_cand SET current_version = 2");
  }
  JobRunner runner = Runner(db, data.path());
  std::optional<JobAttempt> outcome = runner.RunNext();
  ASSERT_TRUE(outcome);
  EXPECT_EQ(outcome->version, 2);
  EXPECT_EQ(outcome->outcome, "done") << outcome->error;
  EXPECT_FALSE(runner.RunNext());
  EXPECT_EQ(db.Scalar("SELECT GROUP_CONCAT(state ORDER BY id) FROM job"), "superseded,done");
  EXPECT_EQ(db.Count("SELECT COUNT(*) FROM job_run"), 1);
  EXPECT_EQ(db.Count("SELECT COUNT(*) FROM precheck"), 1);
  std::string report = db.Scalar("SELECT report FROM precheck");
  EXPECT_NE(report.find("nouveau.pdf"), std::string::npos) << report;
  EXPECT_EQ(report.find("ancien.pdf"), std::string::npos) << report;
}

TEST(WorkerProcess, CrashingDocumentCostsOneAttemptPerCrashThenIsPoison) {
  TestDatabase db;
  TempDir data;
  CrashMarker marker("HOSTILE-PDF-7f3a");
  QueuePiece(db, data.path(), {"cv", "CV", 2'000'000, "pdf"},
             {{"cv.pdf", CvPdf() + "\n% HOSTILE-PDF-7f3a\n"}});
  JobRunner runner = Runner(db, data.path());

  for (int attempt = 1; attempt <= 3; ++attempt) {
    std::optional<JobAttempt> outcome = runner.RunNext();
    ASSERT_TRUE(outcome) << "attempt " << attempt;
    EXPECT_EQ(outcome->attempt, attempt);
    EXPECT_EQ(outcome->outcome, attempt < 3 ? "crashed" : "poison");
    EXPECT_NE(outcome->error.find("SIGSEGV"), std::string::npos) << outcome->error;
    EXPECT_EQ(db.Scalar("SELECT attempts FROM job"), std::to_string(attempt));
  }
  EXPECT_FALSE(runner.RunNext());
  EXPECT_EQ(db.Scalar("SELECT state FROM job"), "poison");
  EXPECT_EQ(db.Count("SELECT COUNT(*) FROM job_run WHERE outcome = 'crashed' AND "
                     "error LIKE '%SIGSEGV%'"),
            3);
  EXPECT_EQ(db.Scalar("SELECT CONCAT_WS('|', outcome, report IS NULL) FROM precheck"),
            "unprocessable|1");
  EXPECT_EQ(db.Scalar("SELECT value FROM counter WHERE name = 'jobs_poison'"), "1");
  EXPECT_EQ(db.Scalar("SELECT status FROM pj_cand"), "TR");
  EXPECT_EQ(FilesUnder(data.path() + "/tmp"), 0);
}

TEST(WorkerProcess, CrashMarkerIsInertWhenUnset) {
  TestDatabase db;
  TempDir data;
  QueuePiece(db, data.path(), {"cv", "CV", 2'000'000, "pdf"},
             {{"cv.pdf", CvPdf() + "\n% HOSTILE-PDF-7f3a\n"}});
  std::optional<JobAttempt> outcome = Runner(db, data.path()).RunNext();
  ASSERT_TRUE(outcome);
  EXPECT_EQ(outcome->outcome, "done") << outcome->error;
}

TEST(WorkerProcess, MissingStoredFileFailsTheAttempt) {
  TestDatabase db;
  TempDir data;
  QueuePiece(db, data.path(), {}, {{"cv.pdf", CvPdf()}}, /*store_files=*/false);
  std::optional<JobAttempt> outcome = Runner(db, data.path()).RunNext();
  ASSERT_TRUE(outcome);
  EXPECT_EQ(outcome->outcome, "crashed");
  EXPECT_NE(outcome->error.find("missing"), std::string::npos) << outcome->error;
  EXPECT_EQ(db.Scalar("SELECT CONCAT_WS('|', state, attempts) FROM job"), "queued|1");
}

TEST(WorkerProcess, ResultOfALostLeaseIsDiscarded) {
  TestDatabase db;
  TempDir data;
  QueuePiece(db, data.path(), {}, {{"cv.pdf", CvPdf()}});
  JobRunner runner = Runner(db, data.path());
  std::optional<ClaimedJob> stale;
  {
    PooledConnection connection = db.pool().Acquire();
    stale = ClaimJob(*connection, runner.worker_id(), test::FastWorkerSettings()).job;
    ASSERT_TRUE(stale);
    // The lease ran out and another worker took the job.
    std::unique_ptr<sql::Statement>(connection->createStatement())
        ->execute("UPDATE job SET locked_until = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND");
    ASSERT_TRUE(ClaimJob(*connection, "otherhost:1:x", test::FastWorkerSettings()).job);
  }
  JobAttempt outcome = runner.Run(*stale);
  EXPECT_EQ(outcome.outcome, "lost_lease");
  EXPECT_EQ(db.Count("SELECT COUNT(*) FROM precheck"), 0);
  EXPECT_EQ(db.Scalar("SELECT locked_by FROM job"), "otherhost:1:x");
  EXPECT_EQ(db.Scalar("SELECT outcome FROM job_run WHERE id = " + std::to_string(stale->run_id)),
            "lost_lease");
  EXPECT_EQ(FilesUnder(data.path() + "/results"), 0);
  EXPECT_EQ(FilesUnder(data.path() + "/tmp"), 0);
}

TEST(WorkerProcess, ShutdownPastTheGraceReleasesTheJobWithoutCountingTheAttempt) {
  TestDatabase db;
  TempDir data;
  QueuePiece(db, data.path(), {}, {{"cv.pdf", CvPdf()}});
  WorkerSettings settings = test::FastWorkerSettings();
  settings.shutdown_grace = std::chrono::milliseconds(0);
  settings.job_tick = std::chrono::milliseconds(1);  // asked at once whether to go on
  JobWatch watch;
  watch.stop_requested = [] { return true; };
  std::optional<JobAttempt> outcome = Runner(db, data.path(), settings, watch).RunNext();
  ASSERT_TRUE(outcome);
  EXPECT_EQ(outcome->outcome, "released");
  EXPECT_EQ(db.Scalar("SELECT CONCAT_WS('|', state, attempts, lease_token IS NULL) FROM job"),
            "queued|0|1");
  EXPECT_EQ(db.Scalar("SELECT outcome FROM job_run"), "released");
  EXPECT_EQ(db.Count("SELECT COUNT(*) FROM precheck"), 0);
}

// Waits up to `limit` for `query` to return `want`.
bool Eventually(TestDatabase& db, const std::string& query, const std::string& want,
                std::chrono::seconds limit = std::chrono::seconds(60)) {
  auto until = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < until) {
    if (db.Scalar(query) == want) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

TEST(WorkerProcess, WorkerProcessRegistersRunsTheQueueAndExitsCleanlyOnSigterm) {
  TestDatabase db;
  TempDir data;
  QueuePiece(db, data.path(), {}, {{"cv.pdf", CvPdf()}});
  pid_t worker = fork();
  ASSERT_GE(worker, 0);
  if (worker == 0)
    _exit(RunWorkerProcess(db.url(), data.path(), test::FastWorkerSettings(),
                           PiecePolicy::BuiltIn()));

  bool done = Eventually(db, "SELECT state FROM job", "done");
  bool registered = Eventually(
      db, "SELECT COUNT(*) FROM worker WHERE role = 'worker' AND pid = " + std::to_string(worker),
      "1");
  kill(worker, SIGTERM);
  int status = 0;
  ASSERT_EQ(waitpid(worker, &status, 0), worker);
  ASSERT_TRUE(done);
  EXPECT_TRUE(registered);
  EXPECT_TRUE(WIFEXITED(status)) << "ended by signal " << WTERMSIG(status);
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_EQ(db.Scalar("SELECT outcome FROM precheck"), "accepted");
  std::string run_worker = db.Scalar("SELECT worker FROM job_run");
  EXPECT_NE(run_worker.find(":" + std::to_string(worker) + ":"), std::string::npos) << run_worker;
  // Left the registry on its way out.
  EXPECT_EQ(db.Count("SELECT COUNT(*) FROM worker"), 0);
}

TEST(WorkerProcess, WorkerProcessWaitsOutAnUnreachableDatabase) {
  // No server behind the socket: the worker logs, pauses and tries again
  // instead of exiting, and still stops cleanly on SIGTERM.
  TempDir data;
  DatabaseUrl nowhere =
      DatabaseUrl::Parse("mysql://root@localhost/x?socket=" + data.path() + "/no-server.sock");
  int out[2];
  ASSERT_EQ(pipe(out), 0);
  pid_t worker = fork();
  ASSERT_GE(worker, 0);
  if (worker == 0) {
    dup2(out[1], STDOUT_FILENO);
    _exit(
        RunWorkerProcess(nowhere, data.path(), test::FastWorkerSettings(), PiecePolicy::BuiltIn()));
  }
  close(out[1]);
  std::string log;
  char buffer[4096];
  int errors = 0;
  while (errors < 2) {  // failed, paused, failed again: still running
    ssize_t n = read(out[0], buffer, sizeof buffer);
    if (n <= 0) break;
    log.append(buffer, static_cast<std::size_t>(n));
    errors = 0;
    for (std::size_t at = log.find("\"worker_error\""); at != std::string::npos;
         at = log.find("\"worker_error\"", at + 1))
      ++errors;
  }
  kill(worker, SIGTERM);
  int status = 0;
  ASSERT_EQ(waitpid(worker, &status, 0), worker);
  close(out[0]);
  EXPECT_GE(errors, 2) << log;
  ASSERT_TRUE(WIFEXITED(status)) << "ended by signal " << WTERMSIG(status);
  EXPECT_EQ(WEXITSTATUS(status), 0) << log;
}

}  // namespace
}  // namespace dossier
