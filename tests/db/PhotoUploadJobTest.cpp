// An iPhone photo from the door to the gestionnaire's copy: uploaded as HEIC
// to a pièce of the built-in policy, stored as `heic`, processed by a job
// child under the real confinement (seccomp, Landlock, limits: libheif,
// libde265 and libvips start threads there), accepted with its page upright.
#include <cppconn/connection.h>
#include <cppconn/statement.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <sstream>

#include "ingest/upload/PieceUpload.h"
#include "isolation/LimitedProgram.h"
#include "store/blobs/BlobStore.h"
#include "tests/db/TestDatabase.h"
#include "tests/support/Oracles.h"
#include "tests/workers/FastWorkerSettings.h"
#include "workers/run/JobRunner.h"
#include "workflow/policy/PiecePolicy.h"
#include "workflow/policy/PieceTypesTable.h"

namespace dossier {
namespace {

const std::string kBoundary = "photo-upload-boundary-8d1f";

// Written by dossier-fixtures: libvips and libheif must not start threads in
// this process, the job children fork from it.
std::string Fixture(const std::string& kind, const std::string& dir) {
  std::string path = dir + "/" + kind;
  ChildLimits limits;
  limits.wall_time = std::chrono::seconds(120);
  ChildResult made = RunLimitedProgram(
      {std::string(DOSSIER_BUILD_DIR) + "/dossier-fixtures", "one", kind, path}, limits);
  EXPECT_EQ(made.exit_code, 0) << made.output;
  return testing::ReadFile(path);
}

std::string Body(const std::string& name, const std::string& bytes) {
  return "--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" +
         name + "\"\r\n\r\n" + bytes + "\r\n--" + kBoundary + "--\r\n";
}

class PhotoUploadJobTest : public ::testing::Test {
 protected:
  PhotoUploadJobTest() : store_(data_.path()) {
    limits_.min_free_bytes = 0;
    PooledConnection connection = db_.pool().Acquire();
    SeedPieceTypes(*connection, policy_);
    Execute(
        "INSERT INTO candidature (id, formation, ine, email, status, created_at, updated_at) "
        "VALUES ('C1', 'Licence Droit', '1234567890V', 'camille.martin@example.org', 'AT', "
        "UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))");
    Execute(
        "INSERT INTO pj_cand (candidature_id, piece_code, status, updated_at) VALUES ('C1', "
        "'bulletins', 'AT', UTC_TIMESTAMP(3))");
  }

  void Execute(const std::string& statement) {
    PooledConnection connection = db_.pool().Acquire();
    std::unique_ptr<sql::Statement>(connection->createStatement())->execute(statement);
  }

  // As the route runs it: announced, admitted, received, committed.
  UploadAck Upload(const std::string& name, const std::string& bytes) {
    std::string body = Body(name, bytes);
    UploadRequest request{"C1", "bulletins", "", "multipart/form-data; boundary=" + kBoundary,
                          body.size()};
    PieceUpload upload(request, limits_, quota_, store_);
    upload.CheckAnnounced();
    {
      PooledConnection connection = db_.pool().Acquire();
      upload.Admit(*connection, policy_);
    }
    std::istringstream in(body);
    upload.Receive(in);
    PooledConnection connection = db_.pool().Acquire();
    return upload.Commit(*connection);
  }

  test::TestDatabase db_;
  testing::TempDir data_;
  testing::TempDir fixtures_;
  BlobStore store_;
  PiecePolicy policy_ = PiecePolicy::BuiltIn();
  UploadLimits limits_;
  CandidatureQuota quota_;
};

TEST_F(PhotoUploadJobTest, AnIphoneHeicUploadEndsAcceptedWithItsPageThroughTheConfinedChild) {
  std::string heic = Fixture("heic", fixtures_.path());
  ASSERT_FALSE(heic.empty());
  Upload("IMG_0042.HEIC", heic);
  EXPECT_EQ(db_.Scalar("SELECT sniffed_type FROM fichier"), "heic");

  JobRunner runner(db_.pool(), data_.path(), test::FastWorkerSettings(std::chrono::seconds(120)),
                   policy_, "testhost:" + std::to_string(getpid()) + ":photo");
  std::optional<JobAttempt> outcome = runner.RunNext();
  ASSERT_TRUE(outcome);
  EXPECT_EQ(outcome->outcome, "done") << outcome->error;
  EXPECT_EQ(outcome->status, "accepted");
  std::string report = db_.Scalar("SELECT report FROM precheck");
  EXPECT_NE(report.find("\"type\":\"heic\""), std::string::npos) << report;
  EXPECT_NE(report.find("\"pages\":1"), std::string::npos) << report;
  std::string pdf = testing::ReadFile(store_.PathOf(db_.Scalar("SELECT output_key FROM precheck")));
  EXPECT_EQ(testing::PopplerPageCount(pdf), 1);
  EXPECT_TRUE(testing::QpdfCheckPasses(pdf));
}

TEST_F(PhotoUploadJobTest, AMultiPageTiffScanGivesAPagePerTiffPage) {
  Upload("scan.tif", Fixture("tiff-scan", fixtures_.path()));
  EXPECT_EQ(db_.Scalar("SELECT sniffed_type FROM fichier"), "tiff");
  JobRunner runner(db_.pool(), data_.path(), test::FastWorkerSettings(std::chrono::seconds(120)),
                   policy_, "testhost:" + std::to_string(getpid()) + ":tiff");
  std::optional<JobAttempt> outcome = runner.RunNext();
  ASSERT_TRUE(outcome);
  EXPECT_EQ(outcome->status, "accepted") << outcome->error;
  std::string pdf = testing::ReadFile(store_.PathOf(db_.Scalar("SELECT output_key FROM precheck")));
  EXPECT_EQ(testing::PopplerPageCount(pdf), 3);
}

// A hostile TIFF costs the child a few milliseconds and the candidate a clear
// refusal, never an attempt of the job.
TEST_F(PhotoUploadJobTest, ATiffOfAHundredThousandPagesIsRefusedAsLimits) {
  Upload("scan.tif", Fixture("tiff-many-pages", fixtures_.path()));
  JobRunner runner(db_.pool(), data_.path(), test::FastWorkerSettings(std::chrono::seconds(120)),
                   policy_, "testhost:" + std::to_string(getpid()) + ":hostile");
  std::optional<JobAttempt> outcome = runner.RunNext();
  ASSERT_TRUE(outcome);
  EXPECT_EQ(outcome->outcome, "done") << outcome->error;
  EXPECT_EQ(db_.Scalar("SELECT reason FROM precheck"), "limits");
  EXPECT_EQ(db_.Scalar("SELECT status FROM pj_cand"), "RE");
}

}  // namespace
}  // namespace dossier
