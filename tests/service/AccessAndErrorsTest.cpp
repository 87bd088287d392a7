// Auth scopes and the refusals at the door, through a real socket: each
// error has its HTTP status, a machine code and a French message, and leaves
// nothing behind.
#include <gtest/gtest.h>

#include <ctime>

#include "server/auth/AccessToken.h"
#include "tests/fixtures/BornDigitalPdf.h"
#include "tests/fixtures/DocxLike.h"
#include "tests/service/ServiceTestbed.h"

namespace dossier::test {
namespace {

class AccessAndErrors : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(bed.CreateCandidature("A-1", {{"cv", true}}), 201);
    ASSERT_EQ(bed.CreateCandidature("B-2", {{"cv", true}}), 201);
  }
  ServiceTestbed bed{{"--workers", "1", "--max-request-mb", "3", "--max-file-mb", "2"}};
  std::string pdf = fixtures::BornDigitalPdf({{"Curriculum vitae"}});

  long long Versions() { return bed.db.Count("SELECT COUNT(*) FROM piece_version"); }
  // Files kept in the data directory's upload area.
  long long Files() {
    return std::stoll(
        testing::RunCommand("find " + bed.data.path() + "/files -type f | wc -l").out);
  }
};

void ExpectError(const ApiResponse& response, int status, const std::string& code) {
  EXPECT_EQ(response.status, status) << response.body;
  Poco::JSON::Object::Ptr json = response.Json();
  EXPECT_EQ(json->getValue<std::string>("error"), code) << response.body;
  EXPECT_FALSE(json->getValue<std::string>("message").empty());
}

TEST_F(AccessAndErrors, ACandidateTokenOpensItsOwnCandidatureOnly) {
  std::string a = bed.Token("candidat", "A-1");
  EXPECT_EQ(bed.api().Request("GET", "/api/v1/candidatures/A-1", a).status, 200);
  ExpectError(bed.api().Request("GET", "/api/v1/candidatures/B-2", a), 403, "forbidden");
  ExpectError(bed.api().Upload("B-2", "cv", a, {{"cv.pdf", pdf}}), 403, "forbidden");
  ExpectError(bed.api().Request("GET", "/api/v1/candidatures/B-2/pieces/cv/pdf", a), 403,
              "forbidden");
  ExpectError(bed.api().Request("POST", "/api/v1/candidatures/B-2/transmit", a), 403, "forbidden");
  // Deciding and creating are not a candidate's business.
  ExpectError(bed.api().Request("POST", "/api/v1/candidatures/A-1/pieces/cv/decision", a,
                                "{\"status\": \"VA\"}"),
              403, "forbidden");
  ExpectError(bed.api().Request("PUT", "/api/v1/candidatures/C-3", a, "{}"), 403, "forbidden");
  ExpectError(bed.api().Request("PUT", "/api/v1/candidatures/C-3", bed.Gestionnaire(), "{}"), 403,
              "forbidden");
  EXPECT_EQ(bed.api().Request("GET", "/api/v1/candidatures/B-2", bed.Gestionnaire()).status, 200);
  EXPECT_EQ(Versions(), 0);
}

TEST_F(AccessAndErrors, MissingForgedAndExpiredTokensAre401) {
  ExpectError(bed.api().Request("GET", "/api/v1/candidatures/A-1"), 401, "unauthorized");
  std::string a = bed.Token("candidat", "A-1");
  std::string forged = a.substr(0, a.size() - 2) + (a.back() == 'A' ? "BB" : "AA");
  ExpectError(bed.api().Request("GET", "/api/v1/candidatures/A-1", forged), 401, "unauthorized");
  AccessGrant grant{TokenRole::Candidat, "A-1", static_cast<std::int64_t>(std::time(nullptr)) - 60};
  std::string other_secret = MintToken(grant, "not-the-service-secret-0123456789abcdef");
  ExpectError(bed.api().Request("GET", "/api/v1/candidatures/A-1", other_secret), 401,
              "unauthorized");
}

TEST_F(AccessAndErrors, RefusedFormatIs415WithTheFrenchMessageAndNothingKept) {
  std::string a = bed.Token("candidat", "A-1");
  ApiResponse word = bed.api().Upload("A-1", "cv", a, {{"cv.docx", fixtures::DocxLike()}});
  ExpectError(word, 415, "format");
  EXPECT_NE(word.Json()->getValue<std::string>("message").find("Word"), std::string::npos);
  EXPECT_EQ(Versions(), 0);
  EXPECT_EQ(Files(), 0);
}

TEST_F(AccessAndErrors, TooLargeIs413BeforeTheBodyIsRead) {
  std::string a = bed.Token("candidat", "A-1");
  // Content-Length says 5 Mo against a 3 Mo cap: answered from the headers.
  std::string big(5'000'000, 'x');
  ExpectError(bed.api().Request("POST", "/api/v1/candidatures/A-1/pieces/cv/files", a, big,
                                "multipart/form-data; boundary=zz"),
              413, "too_large");
  // One file over the per-file cap inside an acceptable request.
  std::string over(2'500'000, ' ');
  ApiResponse file = bed.api().Upload("A-1", "cv", a, {{"cv.pdf", pdf + over}});
  EXPECT_EQ(file.status, 413) << file.body;
  EXPECT_EQ(Versions(), 0);
  EXPECT_EQ(Files(), 0);
}

TEST_F(AccessAndErrors, MalformedRequestsAre400) {
  std::string a = bed.Token("candidat", "A-1");
  ExpectError(bed.api().Request("POST", "/api/v1/candidatures/A-1/pieces/cv/files", a, "hello",
                                "multipart/form-data"),
              400, "malformed");
  const std::string boundary = "b0undary";
  ExpectError(bed.api().Request("POST", "/api/v1/candidatures/A-1/pieces/cv/files", a,
                                "--" + boundary +
                                    "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n"
                                    "bonjour\r\n--" +
                                    boundary + "--\r\n",
                                "multipart/form-data; boundary=" + boundary),
              400, "no_file");
  EXPECT_EQ(bed.api().Request("PUT", "/api/v1/candidatures/C-3", bed.Admin(), "{not json").status,
            400);
  EXPECT_EQ(bed.api()
                .Request("PUT", "/api/v1/candidatures/C-3", bed.Admin(),
                         "{\"formation\": \"L1\", \"pieces\": [{\"code\": \"nope\"}]}")
                .status,
            400);
  EXPECT_EQ(bed.api().Request("GET", "/api/v1/nowhere", a).status, 404);
  EXPECT_EQ(bed.api().Upload("A-1", "releve_bac", a, {{"r.pdf", pdf}}).status, 404);
}

TEST_F(AccessAndErrors, ARetriedUploadWithItsIdempotencyKeyIsStoredOnce) {
  std::string a = bed.Token("candidat", "A-1");
  ApiResponse first = bed.api().Upload("A-1", "cv", a, {{"cv.pdf", pdf}}, "key-0001");
  ASSERT_EQ(first.status, 202) << first.body;
  ApiResponse retry = bed.api().Upload("A-1", "cv", a, {{"cv.pdf", pdf}}, "key-0001");
  ASSERT_EQ(retry.status, 202);
  EXPECT_EQ(retry.body, first.body);
  EXPECT_EQ(Versions(), 1);
  EXPECT_EQ(bed.db.Count("SELECT COUNT(*) FROM job"), 1);
  EXPECT_EQ(Files(), 1);
  // The same key with other files is a client bug, not a retry.
  std::string other = fixtures::BornDigitalPdf({{"Autre CV"}});
  ExpectError(bed.api().Upload("A-1", "cv", a, {{"cv.pdf", other}}, "key-0001"), 409,
              "idempotency_conflict");
  // Without a key, a second upload is a replacement: version 2.
  ApiResponse second = bed.api().Upload("A-1", "cv", a, {{"cv.pdf", pdf}});
  ASSERT_EQ(second.status, 202);
  EXPECT_EQ(second.Json()->getValue<int>("version"), 2);
}

TEST_F(AccessAndErrors, ARetryArrivingAfterTheTransmissionStillGetsItsFirstAnswer) {
  std::string a = bed.Token("candidat", "A-1");
  ApiResponse first = bed.api().Upload("A-1", "cv", a, {{"cv.pdf", pdf}}, "key-late");
  ASSERT_EQ(first.status, 202) << first.body;
  ASSERT_EQ(bed.api().Request("POST", "/api/v1/candidatures/A-1/transmit", a).status, 200);
  // The browser never saw the 202 and sends the same upload again.
  ApiResponse retry = bed.api().Upload("A-1", "cv", a, {{"cv.pdf", pdf}}, "key-late");
  EXPECT_EQ(retry.status, 202) << retry.body;
  EXPECT_EQ(retry.body, first.body);
  // A new upload, though, is refused: the dossier is under examination.
  ExpectError(bed.api().Upload("A-1", "cv", a, {{"cv.pdf", pdf}}, "key-new"), 409,
              "candidature_closed");
  EXPECT_EQ(Versions(), 1);
}

}  // namespace
}  // namespace dossier::test
