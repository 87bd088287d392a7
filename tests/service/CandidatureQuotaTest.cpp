// What one candidature may send and keep, through a real socket: too many
// uploads in a short time get 429 with Retry-After and a French sentence,
// decided from the headers (the body does not cross); too many bytes kept
// get 413; versions replaced long ago lose their files, the current one is
// still served. Idempotent retries and other candidatures are never held.
#include <Poco/JSON/Parser.h>
#include <Poco/String.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <sstream>

#include "tests/fixtures/BornDigitalPdf.h"
#include "tests/service/ServiceTestbed.h"

namespace dossier::test {
namespace {

// Over 1 Mo, so that the client waits for "100 Continue" like curl does and
// the body stays on the client when the service answers from the headers.
std::string LargePdf(const std::string& text) {
  return fixtures::BornDigitalPdf({{text}}) + std::string(1'100'000, ' ');
}

long long FilesOnDisk(const ServiceTestbed& bed) {
  return std::stoll(testing::RunCommand("find " + bed.data.path() + "/files -type f | wc -l").out);
}

// The request log line of the last request answered `status`.
Poco::JSON::Object::Ptr LastLogLine(ServiceTestbed& bed, int status) {
  std::istringstream lines(bed.service().Log());
  Poco::JSON::Object::Ptr found;
  for (std::string line; std::getline(lines, line);) {
    if (line.find("\"event\":\"http\"") == std::string::npos) continue;
    auto json = Poco::JSON::Parser().parse(line).extract<Poco::JSON::Object::Ptr>();
    if (json->getValue<int>("status") == status) found = json;
  }
  if (found) return found;
  ADD_FAILURE() << "no request answered " << status;
  return new Poco::JSON::Object;
}

void ExpectError(const ApiResponse& response, int status, const std::string& code) {
  ASSERT_EQ(response.status, status) << response.body;
  EXPECT_EQ(response.Json()->getValue<std::string>("error"), code);
}

TEST(CandidatureQuota, TooManyUploadsAre429FromTheHeadersWithRetryAfter) {
  ServiceTestbed bed{{"--workers", "0", "--upload-burst", "3", "--upload-interval-seconds", "60"}};
  ASSERT_EQ(bed.CreateCandidature("Q-1", {{"cv", true}}), 201);
  ASSERT_EQ(bed.CreateCandidature("Q-2", {{"cv", true}}), 201);
  std::string token = bed.Token("candidat", "Q-1");
  std::string pdf = LargePdf("CV");
  std::vector<ApiResponse> accepted;
  for (int i = 1; i <= 3; ++i) {
    accepted.push_back(
        bed.api().Upload("Q-1", "cv", token, {{"cv.pdf", pdf}}, "key-" + std::to_string(i)));
    ASSERT_EQ(accepted.back().status, 202) << accepted.back().body;
  }
  long long files = FilesOnDisk(bed);

  ApiResponse refused = bed.api().Upload("Q-1", "cv", token, {{"cv.pdf", pdf}}, "key-4");
  ExpectError(refused, 429, "too_many_uploads");
  int retry_after = std::stoi(refused.headers["retry-after"]);
  EXPECT_GE(retry_after, 1);
  EXPECT_LE(retry_after, 60);
  std::string message = refused.Json()->getValue<std::string>("message");
  EXPECT_NE(message.find("beaucoup de fichiers en peu de temps"), std::string::npos) << message;
  EXPECT_NE(message.find("Réessayez dans " + std::to_string(retry_after) + " secondes"),
            std::string::npos)
      << message;
  EXPECT_EQ(Poco::toLower(refused.headers["connection"]), "close");
  // Refused before its body was read: not a byte of it came in, nothing stored.
  EXPECT_EQ(LastLogLine(bed, 429)->getValue<int>("bytes_in"), 0);
  EXPECT_EQ(FilesOnDisk(bed), files);
  EXPECT_EQ(bed.db.Count("SELECT COUNT(*) FROM piece_version"), 3);

  // A browser that never saw its 202 sends the same upload again: answered.
  ApiResponse retry = bed.api().Upload("Q-1", "cv", token, {{"cv.pdf", pdf}}, "key-2");
  EXPECT_EQ(retry.status, 202) << retry.body;
  EXPECT_EQ(retry.body, accepted[1].body);
  EXPECT_EQ(bed.db.Count("SELECT COUNT(*) FROM piece_version"), 3);
  // Another candidate is not held by this one.
  ApiResponse other =
      bed.api().Upload("Q-2", "cv", bed.Token("candidat", "Q-2"), {{"cv.pdf", pdf}}, "key-1");
  EXPECT_EQ(other.status, 202) << other.body;
}

TEST(CandidatureQuota, BytesPastTheCandidatureBoundAre413AndAReplacementStillFits) {
  // Room for two such files per candidature; two versions of a pièce kept.
  ServiceTestbed bed{{"--workers", "0", "--max-candidature-mb", "3", "--kept-versions", "2"}};
  ASSERT_EQ(bed.CreateCandidature("Q-3", {{"cv", true}, {"lettre_motivation", true}}), 201);
  ASSERT_EQ(bed.CreateCandidature("Q-4", {{"cv", true}}), 201);
  std::string token = bed.Token("candidat", "Q-3");
  std::string pdf = LargePdf("CV");
  ASSERT_EQ(bed.api().Upload("Q-3", "cv", token, {{"cv.pdf", pdf}}).status, 202);
  ASSERT_EQ(bed.api().Upload("Q-3", "cv", token, {{"cv.pdf", pdf}}).status, 202);
  long long files = FilesOnDisk(bed);

  ApiResponse refused = bed.api().Upload("Q-3", "lettre_motivation", token, {{"l.pdf", pdf}});
  ExpectError(refused, 413, "quota_exceeded");
  std::string message = refused.Json()->getValue<std::string>("message");
  EXPECT_NE(message.find("3,0 Mo"), std::string::npos) << message;
  EXPECT_EQ(LastLogLine(bed, 413)->getValue<int>("bytes_in"), 0);
  EXPECT_EQ(FilesOnDisk(bed), files);

  // Version 1 of the CV leaves the kept versions with this upload: it fits.
  ApiResponse replaced = bed.api().Upload("Q-3", "cv", token, {{"cv.pdf", pdf}});
  EXPECT_EQ(replaced.status, 202) << replaced.body;
  EXPECT_EQ(bed.api().Upload("Q-4", "cv", bed.Token("candidat", "Q-4"), {{"cv.pdf", pdf}}).status,
            202);
}

TEST(CandidatureQuota, OnlyTheLastThreeVersionsKeepTheirFilesAndTheCurrentPdfIsServed) {
  ServiceTestbed bed{{"--workers", "1", "--kept-versions", "3"}};
  ASSERT_EQ(bed.CreateCandidature("Q-5", {{"cv", true}}), 201);
  std::string token = bed.Token("candidat", "Q-5");
  // The first upload and five replacements, each one processed before the next.
  for (int version = 1; version <= 6; ++version) {
    std::string pdf =
        fixtures::BornDigitalPdf({{"Curriculum vitae, version " + std::to_string(version)}});
    ASSERT_EQ(bed.api().Upload("Q-5", "cv", token, {{"cv.pdf", pdf}}).status, 202);
    bed.WaitProcessed("Q-5");
  }
  EXPECT_EQ(bed.db.Column("SELECT CONCAT(version, ':', purged_at IS NOT NULL) FROM "
                          "piece_version ORDER BY version"),
            (std::vector<std::string>{"1:1", "2:1", "3:1", "4:0", "5:0", "6:0"}));
  auto on_disk = [&](const std::string& key) {
    return access((bed.data.path() + "/" + key).c_str(), F_OK) == 0;
  };
  for (const std::string& row :
       bed.db.Column("SELECT CONCAT(v.version, ' ', f.storage_key) FROM fichier f JOIN "
                     "piece_version v ON v.id = f.piece_version_id")) {
    bool kept = row[0] >= '4';
    EXPECT_EQ(on_disk(row.substr(2)), kept) << row;
  }
  for (const std::string& row :
       bed.db.Column("SELECT CONCAT(v.version, ' ', p.output_key) FROM precheck p JOIN "
                     "piece_version v ON v.id = p.piece_version_id")) {
    bool kept = row[0] >= '4';
    EXPECT_EQ(on_disk(row.substr(2)), kept) << row;
  }
  EXPECT_EQ(FilesOnDisk(bed), 3);
  ApiResponse pdf = bed.api().Request("GET", "/api/v1/candidatures/Q-5/pieces/cv/pdf", token);
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.body.rfind("%PDF", 0), 0u);
  EXPECT_NE(testing::PdfText(pdf.body).find("version 6"), std::string::npos);
}

}  // namespace
}  // namespace dossier::test
