// The preview of a processed pièce from end to end: rendered by the job
// child next to the PDF, published under results/ by the worker, recorded in
// the precheck row, served by the API. A preview that cannot be made never
// costs the pièce.
//
// Job children are forked from this test process, so it runs no libvips
// operation itself (a forked libvips waits forever for the threads fork did
// not copy): the preview is decoded in a child too.
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <vips/vips8>

#include "isolation/ChildEnd.h"
#include "isolation/LimitedChild.h"
#include "server/HttpService.h"
#include "server/auth/AccessToken.h"
#include "tests/db/TestDatabase.h"
#include "tests/fixtures/BornDigitalPdf.h"
#include "tests/fixtures/SampleTexts.h"
#include "tests/support/Oracles.h"
#include "tests/workers/FastWorkerSettings.h"
#include "tests/workers/WorkflowRows.h"
#include "workers/run/JobChild.h"
#include "workers/run/JobRunner.h"
#include "workflow/policy/PiecePolicy.h"

namespace dossier {
namespace {

using test::TestDatabase;
using testing::TempDir;

JobRunner Runner(TestDatabase& db, const std::string& data_dir) {
  return JobRunner(db.pool(), data_dir, test::FastWorkerSettings(), PiecePolicy::BuiltIn(),
                   "testhost:" + std::to_string(getpid()) + ":thumbnails");
}

void QueueCv(TestDatabase& db, const std::string& data_dir, std::int64_t max_bytes) {
  BlobStore store(data_dir);
  PooledConnection connection = db.pool().Acquire();
  test::InsertPieceType(*connection, {"cv", "CV", max_bytes, "pdf,jpeg,png"});
  test::InsertCandidature(*connection, "C1", "cv");
  test::InsertQueuedVersion(*connection, "C1", "cv", 1,
                            {{"cv.pdf", fixtures::BornDigitalPdf(fixtures::CvPages())}}, &store);
}

int FilesUnder(const std::string& dir) {
  int count = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
    count += entry.is_regular_file() ? 1 : 0;
  return count;
}

bool StartsLikeAJpeg(const std::string& bytes) {
  return bytes.size() > 3 && bytes.compare(0, 3, "\xFF\xD8\xFF") == 0;
}

struct ImageSize {
  int width = 0, height = 0;
};

// What libvips reads in the JPEG's header, asked in a child (see above).
ImageSize JpegSizeReadInAChild(const std::string& jpeg) {
  ChildResult read = RunLimitedChild(
      [&](int fd) {
        vips::VImage image = vips::VImage::new_from_buffer(jpeg.data(), jpeg.size(), "");
        std::string size = std::to_string(image.width()) + " " + std::to_string(image.height());
        return write(fd, size.data(), size.size()) == static_cast<ssize_t>(size.size()) ? 0 : 1;
      },
      ChildLimits{});
  ImageSize size;
  EXPECT_EQ(read.end, ChildResult::End::Exited);
  if (sscanf(read.output.c_str(), "%d %d", &size.width, &size.height) != 2)
    ADD_FAILURE() << "no size read: " << read.output;
  return size;
}

// GET `uri` on an HttpService over the same database and store.
std::string ServedBody(TestDatabase& db, const std::string& data_dir, const std::string& uri,
                       int* status) {
  signal(SIGPIPE, SIG_IGN);
  const std::string secret = "thumbnail-test-secret-0123456789ab";
  BlobStore store(data_dir);
  ServerSettings settings;
  settings.port = 0;
  settings.threads = 2;
  HttpService service(settings, db.pool(), store, secret, PiecePolicy::BuiltIn());
  service.Start();
  AccessGrant grant;
  grant.role = TokenRole::Candidat;
  grant.candidature = "C1";
  grant.expires_at = static_cast<std::int64_t>(std::time(nullptr)) + 600;
  Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(service.port()));
  Poco::Net::HTTPRequest request("GET", uri, Poco::Net::HTTPMessage::HTTP_1_1);
  request.set("Authorization", "Bearer " + MintToken(grant, secret));
  session.sendRequest(request);
  Poco::Net::HTTPResponse response;
  std::string body;
  Poco::StreamCopier::copyToString(session.receiveResponse(response), body);
  *status = static_cast<int>(response.getStatus());
  service.Stop();
  return body;
}

TEST(ThumbnailJob, AnAcceptedPieceGetsAPreviewOfItsFirstPage) {
  TestDatabase db;
  TempDir data;
  QueueCv(db, data.path(), 2'000'000);
  std::optional<JobAttempt> outcome = Runner(db, data.path()).RunNext();
  ASSERT_TRUE(outcome);
  ASSERT_EQ(outcome->status, "accepted") << outcome->error;

  std::string key = db.Scalar("SELECT thumbnail_key FROM precheck");
  ASSERT_EQ(key.rfind("results/", 0), 0u) << key;
  EXPECT_NE(key, db.Scalar("SELECT output_key FROM precheck"));
  std::string jpeg = testing::ReadFile(BlobStore(data.path()).PathOf(key));
  ASSERT_TRUE(StartsLikeAJpeg(jpeg));
  ImageSize size = JpegSizeReadInAChild(jpeg);
  EXPECT_EQ(size.width, 360);
  EXPECT_NEAR(size.height, 360 * 297 / 210, 2);  // page 1 of the two, A4
  EXPECT_EQ(FilesUnder(data.path() + "/results"), 2);
  EXPECT_EQ(FilesUnder(data.path() + "/tmp"), 0);

  int status = 0;
  std::string served =
      ServedBody(db, data.path(), "/api/v1/candidatures/C1/pieces/cv/thumbnail", &status);
  EXPECT_EQ(status, 200);
  EXPECT_EQ(served, jpeg);
  std::string candidature = ServedBody(db, data.path(), "/api/v1/candidatures/C1", &status);
  EXPECT_NE(candidature.find("\"thumbnail\":true"), std::string::npos) << candidature;
}

TEST(ThumbnailJob, ARefusedPieceHasNoPreview) {
  TestDatabase db;
  TempDir data;
  QueueCv(db, data.path(), 1'000);  // the CV is over 1 ko: refused for its size
  std::optional<JobAttempt> outcome = Runner(db, data.path()).RunNext();
  ASSERT_TRUE(outcome);
  ASSERT_EQ(outcome->status, "refused") << outcome->error;
  EXPECT_EQ(db.Scalar("SELECT thumbnail_key IS NULL FROM precheck"), "1");
  EXPECT_EQ(FilesUnder(data.path() + "/results"), 0);
  EXPECT_EQ(FilesUnder(data.path() + "/tmp"), 0);
  int status = 0;
  ServedBody(db, data.path(), "/api/v1/candidatures/C1/pieces/cv/thumbnail", &status);
  EXPECT_EQ(status, 404);
}

TEST(ThumbnailJob, APreviewThatCannotBeWrittenLeavesThePieceAccepted) {
  TempDir out;
  JobInputs inputs;
  inputs.files = {{"cv.pdf", fixtures::BornDigitalPdf(fixtures::CvPages())}};
  JobOutputPaths paths{out.path() + "/piece.pdf", out.path() + "/no-such-folder/preview.jpg"};
  ChildLimits limits;
  limits.wall_time = std::chrono::seconds(60);
  ChildResult child = RunLimitedChild(
      [&](int fd) { return ProcessJobInChild(inputs, nullptr, paths, fd); }, limits);
  ASSERT_EQ(child.end, ChildResult::End::Exited);
  EXPECT_EQ(child.exit_code, kChildAccepted);
  EXPECT_NE(child.output.find("\"status\":\"accepted\""), std::string::npos) << child.output;
  EXPECT_EQ(testing::PopplerPageCount(testing::ReadFile(paths.pdf)), 2);
  EXPECT_FALSE(std::filesystem::exists(paths.thumbnail));

  // And with somewhere to write it, the same child leaves it beside the PDF.
  paths.thumbnail = out.path() + "/preview.jpg";
  child = RunLimitedChild([&](int fd) { return ProcessJobInChild(inputs, nullptr, paths, fd); },
                          limits);
  ASSERT_EQ(child.end, ChildResult::End::Exited);
  EXPECT_EQ(child.exit_code, kChildAccepted);
  EXPECT_TRUE(StartsLikeAJpeg(testing::ReadFile(paths.thumbnail)));
}

}  // namespace
}  // namespace dossier
