// The job child is confined before it reads the candidate's bytes: a
// document that takes the parser over reaches neither the token secret, nor
// the database, nor the network, nor a shell, and costs an attempt like a
// crash; the reference dossier comes out of a confined child exactly as out
// of an unconfined one.
#include <Poco/Net/ServerSocket.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <regex>

#include "isolation/ChildEnd.h"
#include "isolation/ChildExit.h"
#include "isolation/FileSystemView.h"
#include "isolation/LimitedChild.h"
#include "isolation/LimitedProgram.h"
#include "processors/ine/IneReader.h"
#include "server/auth/TokenSecret.h"
#include "tests/db/TestDatabase.h"
#include "tests/fixtures/BornDigitalPdf.h"
#include "tests/fixtures/SampleTexts.h"
#include "tests/support/Oracles.h"
#include "tests/workers/FastWorkerSettings.h"
#include "tests/workers/WorkflowRows.h"
#include "workers/queue/ClaimJob.h"
#include "workers/run/JobChild.h"
#include "workers/run/JobInputs.h"
#include "workers/run/JobRunner.h"
#include "workflow/policy/PiecePolicy.h"

namespace dossier {
namespace {

using test::TestDatabase;
using testing::TempDir;

const char* const kMarker = "HOSTILE-ESCAPE-51c2";

JobRunner Runner(TestDatabase& db, const std::string& data_dir) {
  return JobRunner(db.pool(), data_dir, test::FastWorkerSettings(std::chrono::seconds(120)),
                   PiecePolicy::BuiltIn(), "testhost:" + std::to_string(getpid()) + ":confined");
}

// DOSSIER_FAULT_ESCAPE_* for the life of the object.
class EscapeHook {
 public:
  EscapeHook(const std::string& secret, const std::string& socket, int port) {
    setenv("DOSSIER_FAULT_ESCAPE_MARKER", kMarker, 1);
    setenv("DOSSIER_FAULT_ESCAPE_SECRET", secret.c_str(), 1);
    setenv("DOSSIER_FAULT_ESCAPE_SOCKET", socket.c_str(), 1);
    setenv("DOSSIER_FAULT_ESCAPE_PORT", std::to_string(port).c_str(), 1);
  }
  ~EscapeHook() {
    for (const char* name : {"DOSSIER_FAULT_ESCAPE_MARKER", "DOSSIER_FAULT_ESCAPE_SECRET",
                             "DOSSIER_FAULT_ESCAPE_SOCKET", "DOSSIER_FAULT_ESCAPE_PORT"})
      unsetenv(name);
  }
};

TEST(ConfinedJob, HostileDocumentReachesNothingAndCostsAnAttemptLikeACrash) {
  TestDatabase db;
  TempDir data;
  std::string socket = db.url().socket;
  ASSERT_FALSE(socket.empty()) << "DOSSIER_TEST_DB names no socket";
  LoadOrCreateTokenSecret(data.path());
  Poco::Net::ServerSocket service(Poco::Net::SocketAddress("127.0.0.1", 0));  // as our port
  EscapeHook hook(data.path() + "/secret", socket, service.address().port());
  BlobStore store(data.path());
  {
    PooledConnection connection = db.pool().Acquire();
    test::InsertPieceType(*connection, {});
    test::InsertCandidature(*connection, "C1", "cv");
    test::InsertQueuedVersion(*connection, "C1", "cv", 1,
                              {{"cv.pdf", fixtures::BornDigitalPdf({{"CV"}}) + "%" + kMarker}},
                              &store);
  }
  std::optional<JobAttempt> outcome = Runner(db, data.path()).RunNext();
  ASSERT_TRUE(outcome);
  EXPECT_EQ(outcome->outcome, "crashed");
  std::string file = LandlockAbi() > 0 ? "blocked (EACCES)" : "reached";
  EXPECT_EQ(outcome->error, "job child ended by SIGSEGV: escape: secret=" + file +
                                " socket=blocked (EPERM) tcp=blocked (EPERM) exec=blocked (EPERM)");
  EXPECT_EQ(db.Scalar("SELECT CONCAT_WS('|', state, attempts) FROM job"), "queued|1");
  EXPECT_EQ(db.Scalar("SELECT outcome FROM job_run"), "crashed");
  EXPECT_EQ(db.Scalar("SELECT status FROM pj_cand"), "TR");
}

// The reference dossier, written by dossier-fixtures (libvips must not run
// in this process: the job children fork from it).
std::vector<std::pair<std::string, std::vector<InputFile>>> ReferenceDossier(
    const std::string& dir) {
  ChildLimits limits;
  limits.wall_time = std::chrono::seconds(120);
  ChildResult made = RunLimitedProgram(
      {std::string(DOSSIER_BUILD_DIR) + "/dossier-fixtures", "reference", dir}, limits);
  EXPECT_EQ(made.exit_code, 0) << made.output;
  std::vector<std::pair<std::string, std::vector<InputFile>>> pieces;
  for (const char* code : {"cv", "lettre_motivation", "releve_bac", "bulletins", "identite"}) {
    std::vector<std::string> paths;
    for (const auto& entry : std::filesystem::directory_iterator(dir + "/" + code))
      paths.push_back(entry.path().string());
    std::sort(paths.begin(), paths.end());
    std::vector<InputFile> files;
    for (const std::string& path : paths)
      files.push_back({std::filesystem::path(path).filename().string(), testing::ReadFile(path)});
    pieces.emplace_back(code, std::move(files));
  }
  return pieces;
}

std::string WithoutTimings(const std::string& report) {
  return std::regex_replace(report, std::regex("\"elapsed_ms\":[0-9.]+"), "\"elapsed_ms\":0");
}

// The report of `inputs` from a job child that is not confined.
std::string UnconfinedReport(const JobInputs& inputs, IneReader* reader, const TempDir& out) {
  JobOutputPaths paths{out.path() + "/unconfined.pdf", out.path() + "/unconfined.jpg"};
  ChildLimits limits;
  limits.wall_time = std::chrono::seconds(120);
  ChildResult child =
      RunLimitedChild([&](int fd) { return ProcessJobInChild(inputs, reader, paths, fd); }, limits);
  EXPECT_EQ(child.exit_code, kChildAccepted) << DescribeChildEnd(child, limits) << child.output;
  return child.output;
}

TEST(ConfinedJob, ReferenceDossierComesOutAsWithoutConfinement) {
  TestDatabase db;
  TempDir data;
  TempDir reference;
  TempDir out;
  BlobStore store(data.path());
  IneReader reader;
  JobRunner runner = Runner(db, data.path());
  for (const auto& [code, files] : ReferenceDossier(reference.path())) {
    SCOPED_TRACE(code);
    Claim claim;
    JobInputs inputs;
    {
      PooledConnection connection = db.pool().Acquire();
      test::InsertPieceType(*connection, {code, code, 2'000'000, "pdf,jpeg,png",
                                          /*check_ine=*/code == "releve_bac"});
      test::InsertCandidature(*connection, "R-" + code, code);
      test::InsertQueuedVersion(*connection, "R-" + code, code, 1, files, &store);
      claim = ClaimJob(*connection, runner.worker_id(),
                       test::FastWorkerSettings(std::chrono::seconds(120)));
      ASSERT_TRUE(claim.job);
      inputs = LoadJobInputs(*connection, store, *claim.job, PiecePolicy::BuiltIn());
    }
    std::string expected = UnconfinedReport(inputs, &reader, out);

    JobAttempt outcome = runner.Run(*claim.job);
    EXPECT_EQ(outcome.outcome, "done") << outcome.error;
    EXPECT_EQ(outcome.status, "accepted");
    std::string report = db.Scalar(
        "SELECT report FROM precheck p JOIN piece_version v ON v.id = "
        "p.piece_version_id WHERE v.candidature_id = 'R-" +
        code + "'");
    EXPECT_EQ(WithoutTimings(report), WithoutTimings(expected));
    std::string key = db.Scalar(
        "SELECT p.output_key FROM precheck p JOIN piece_version v ON "
        "v.id = p.piece_version_id WHERE v.candidature_id = 'R-" +
        code + "'");
    std::string pdf = testing::ReadFile(store.PathOf(key));
    EXPECT_EQ(pdf.size(), testing::ReadFile(out.path() + "/unconfined.pdf").size());
    EXPECT_EQ(testing::PopplerPageCount(pdf),
              testing::PopplerPageCount(testing::ReadFile(out.path() + "/unconfined.pdf")));
  }
  EXPECT_EQ(db.Scalar("SELECT ine_verdict FROM precheck p JOIN piece_version v ON v.id = "
                      "p.piece_version_id WHERE v.piece_code = 'releve_bac'"),
            "conforme");
}

}  // namespace
}  // namespace dossier
