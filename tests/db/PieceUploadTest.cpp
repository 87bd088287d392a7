// PieceUpload against a real MariaDB: the upload use case as a server runs
// it. Admission refuses from the request and the database before a byte of
// the body is read, each refusal with its own code, taking nothing of the
// candidature's allowance unless it admits; eCandidat's rule gives the same
// error before the body and under the commit's locks; files received for an
// upload that is not committed leave the store.
#include <cppconn/connection.h>
#include <cppconn/statement.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "core/messages/ApiMessages.h"
#include "core/messages/UploadMessages.h"
#include "ingest/upload/PieceUpload.h"
#include "store/blobs/BlobStore.h"
#include "tests/db/TestDatabase.h"
#include "tests/fixtures/BornDigitalPdf.h"
#include "tests/support/ClientErrorOf.h"
#include "tests/support/Oracles.h"
#include "workflow/policy/PiecePolicy.h"
#include "workflow/policy/PieceTypesTable.h"

namespace dossier {
namespace {

const std::string kBoundary = "piece-upload-boundary-5c2e";

std::string Body(const std::string& name, const std::string& bytes) {
  return "--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" +
         name + "\"\r\n\r\n" + bytes + "\r\n--" + kBoundary + "--\r\n";
}

class PieceUploadTest : public ::testing::Test {
 protected:
  PieceUploadTest() : store_(dir_.path()) {
    limits_.min_free_bytes = 0;
    PooledConnection connection = db_.pool().Acquire();
    SeedPieceTypes(*connection, policy_);
    AddCandidature("C1", "AT");
    AddPiece("C1", "cv", "AT");
    AddPiece("C1", "releve_bac", "AT");
  }

  void Execute(const std::string& statement) {
    PooledConnection connection = db_.pool().Acquire();
    std::unique_ptr<sql::Statement>(connection->createStatement())->execute(statement);
  }

  void AddCandidature(const std::string& id, const std::string& status) {
    Execute(
        "INSERT INTO candidature (id, formation, ine, status, created_at, updated_at) VALUES ('" +
        id + "', 'Licence Droit', '1234567890V', '" + status +
        "', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))");
  }

  void AddPiece(const std::string& candidature, const std::string& code,
                const std::string& status) {
    Execute("INSERT INTO pj_cand (candidature_id, piece_code, status, updated_at) VALUES ('" +
            candidature + "', '" + code + "', '" + status + "', UTC_TIMESTAMP(3))");
  }

  void SetPieceStatus(const std::string& code, const std::string& status) {
    Execute("UPDATE pj_cand SET status = '" + status + "' WHERE piece_code = '" + code + "'");
  }

  UploadRequest Request(const std::string& candidature, const std::string& piece,
                        const std::string& body, const std::string& key = "") {
    return {candidature, piece, key, "multipart/form-data; boundary=" + kBoundary, body.size()};
  }

  // As the route runs it: what the request announces, then the database.
  void Admit(PieceUpload& upload) {
    upload.CheckAnnounced();
    PooledConnection connection = db_.pool().Acquire();
    upload.Admit(*connection, policy_);
  }

  UploadAck Commit(PieceUpload& upload) {
    PooledConnection connection = db_.pool().Acquire();
    return upload.Commit(*connection);
  }

  // The whole use case, as the route runs it.
  UploadAck Upload(const UploadRequest& request, const std::string& body) {
    PieceUpload upload(request, limits_, quota_, store_);
    Admit(upload);
    std::istringstream in(body);
    upload.Receive(in);
    return Commit(upload);
  }

  ClientError AdmissionRefusal(const UploadRequest& request) {
    PieceUpload upload(request, limits_, quota_, store_);
    return testing::ClientErrorOf([&] { Admit(upload); });
  }

  std::size_t StoredFiles() {
    std::size_t count = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir_.path()))
      count += entry.is_regular_file() ? 1 : 0;
    return count;
  }

  long long AllowanceRows() { return db_.Count("SELECT COUNT(*) FROM upload_allowance"); }
  long long Versions() { return db_.Count("SELECT COUNT(*) FROM piece_version"); }

  test::TestDatabase db_;
  testing::TempDir dir_;
  BlobStore store_;
  PiecePolicy policy_ = PiecePolicy::BuiltIn();
  UploadLimits limits_;
  CandidatureQuota quota_;
  std::string pdf_ = fixtures::BornDigitalPdf({{"Curriculum vitae", "Licence de droit"}});
  std::string body_ = Body("cv.pdf", pdf_);
};

TEST_F(PieceUploadTest, AnAdmittedUploadIsReceivedAndCommittedAndTakesOneFromTheAllowance) {
  UploadAck ack = Upload(Request("C1", "cv", body_), body_);
  EXPECT_FALSE(ack.replayed);
  EXPECT_EQ(ack.version, 1);
  EXPECT_EQ(db_.Scalar("SELECT status FROM pj_cand WHERE piece_code = 'cv'"), "TR");
  EXPECT_EQ(AllowanceRows(), 1);
  EXPECT_EQ(StoredFiles(), 1u);
}

TEST_F(PieceUploadTest, EachRefusalOfTheAdmissionHasItsCodeAndComesBeforeTheAllowance) {
  std::uint64_t cap = limits_.max_request_bytes;
  UploadRequest oversized = Request("C1", "cv", body_);
  oversized.content_length = cap + 1;
  ClientError too_large = AdmissionRefusal(oversized);
  EXPECT_STREQ(too_large.code_name(), "too_large");
  EXPECT_EQ(too_large.message(), RequestTooLargeMessage(cap));

  UploadRequest json = Request("C1", "cv", body_);
  json.content_type = "application/json";
  EXPECT_STREQ(AdmissionRefusal(json).code_name(), "not_multipart");

  ClientError unknown_type = AdmissionRefusal(Request("C1", "nope", body_));
  EXPECT_STREQ(unknown_type.code_name(), "not_found");
  EXPECT_EQ(unknown_type.message(), messages::PieceNotRequired());
  ClientError not_asked = AdmissionRefusal(Request("C1", "identite", body_));
  EXPECT_STREQ(not_asked.code_name(), "not_found");
  EXPECT_EQ(not_asked.message(), messages::PieceNotRequired());
  EXPECT_NE(not_asked.context().find("identite"), std::string::npos) << not_asked.context();
  ClientError no_candidature = AdmissionRefusal(Request("C9", "cv", body_));
  EXPECT_STREQ(no_candidature.code_name(), "not_found");
  EXPECT_EQ(no_candidature.message(), messages::CandidatureNotFound());

  SetPieceStatus("cv", "VA");
  EXPECT_STREQ(AdmissionRefusal(Request("C1", "cv", body_)).code_name(), "piece_validated");
  AddCandidature("C2", "RE");
  AddPiece("C2", "cv", "TR");
  EXPECT_STREQ(AdmissionRefusal(Request("C2", "cv", body_)).code_name(), "candidature_closed");
  AddCandidature("C3", "CO");
  AddPiece("C3", "cv", "VA");
  EXPECT_STREQ(AdmissionRefusal(Request("C3", "cv", body_)).code_name(), "candidature_closed");

  quota_.max_kept_bytes = body_.size() - 1;
  ClientError quota = AdmissionRefusal(Request("C1", "releve_bac", body_));
  EXPECT_STREQ(quota.code_name(), "quota_exceeded");
  EXPECT_EQ(quota.message(), QuotaExceededMessage(quota_.max_kept_bytes));

  EXPECT_EQ(AllowanceRows(), 0) << "a refused request costs nothing of the allowance";
  EXPECT_EQ(StoredFiles(), 0u);
  EXPECT_EQ(Versions(), 0);
}

TEST_F(PieceUploadTest, PastTheBurstTheRateIsRefusedWithTheSecondsToWait) {
  quota_.upload_burst = 1;
  quota_.upload_interval_seconds = 60;
  Upload(Request("C1", "cv", body_), body_);
  ClientError rate = AdmissionRefusal(Request("C1", "releve_bac", body_));
  EXPECT_STREQ(rate.code_name(), "too_many_uploads");
  EXPECT_GT(rate.retry_after(), 0);
  EXPECT_LE(rate.retry_after(), 60);
  EXPECT_EQ(rate.message(), messages::TooManyUploads(rate.retry_after()));
  EXPECT_EQ(Versions(), 1);
}

TEST_F(PieceUploadTest, TheRetryOfAnAcknowledgedUploadIsAdmittedWhateverHappenedSince) {
  quota_.upload_burst = 1;
  quota_.upload_interval_seconds = 60;
  UploadAck first = Upload(Request("C1", "cv", body_, "key-1"), body_);
  ASSERT_EQ(StoredFiles(), 1u);
  // Transmitted since, the allowance spent: the retry stores nothing, so
  // neither applies to it.
  Execute("UPDATE candidature SET status = 'RE'");
  UploadAck again = Upload(Request("C1", "cv", body_, "key-1"), body_);
  EXPECT_TRUE(again.replayed);
  EXPECT_EQ(again.response_json, first.response_json);
  EXPECT_EQ(StoredFiles(), 1u) << "the retry's own copy of the file is removed";
  // A new key is a new upload: refused before its body.
  EXPECT_STREQ(AdmissionRefusal(Request("C1", "cv", body_, "key-2")).code_name(),
               "candidature_closed");
  // The key of the cv's upload on another pièce's URL: a conflict, before the body.
  Execute("UPDATE candidature SET status = 'AT'");
  ClientError other_piece = AdmissionRefusal(Request("C1", "releve_bac", body_, "key-1"));
  EXPECT_STREQ(other_piece.code_name(), "idempotency_conflict");
  EXPECT_EQ(other_piece.message(), IdempotencyConflictMessage());
  EXPECT_EQ(Versions(), 1);
}

// A gestionnaire validates the pièce, or the candidate transmits the dossier
// from another tab, while the body is on its way: the commit's check under
// the locks refuses with the very error the admission gives afterwards.
TEST_F(PieceUploadTest, TheCheckUnderTheLocksGivesTheSameErrorAsTheAdmission) {
  struct Change {
    std::string statement;
    const char* code;
  };
  for (const Change& change :
       {Change{"UPDATE pj_cand SET status = 'VA' WHERE piece_code = 'cv'", "piece_validated"},
        Change{"UPDATE candidature SET status = 'RE' WHERE id = 'C1'", "candidature_closed"},
        Change{"UPDATE candidature SET status = 'CO' WHERE id = 'C1'", "candidature_closed"}}) {
    Execute("UPDATE pj_cand SET status = 'AT'");
    Execute("UPDATE candidature SET status = 'AT'");
    PieceUpload upload(Request("C1", "cv", body_), limits_, quota_, store_);
    Admit(upload);
    std::istringstream in(body_);
    upload.Receive(in);
    ASSERT_EQ(StoredFiles(), 1u);
    Execute(change.statement);
    ClientError under_lock = testing::ClientErrorOf([&] { Commit(upload); });
    ClientError before_body = AdmissionRefusal(Request("C1", "cv", body_));
    EXPECT_STREQ(under_lock.code_name(), change.code) << change.statement;
    EXPECT_EQ(under_lock.code(), before_body.code()) << change.statement;
    EXPECT_EQ(under_lock.message(), before_body.message()) << change.statement;
    EXPECT_EQ(Versions(), 0);
  }
  EXPECT_EQ(StoredFiles(), 0u) << "the refused uploads' files are removed";
}

TEST_F(PieceUploadTest, FilesReceivedButNeverCommittedLeaveTheStore) {
  {
    PieceUpload upload(Request("C1", "cv", body_), limits_, quota_, store_);
    Admit(upload);
    std::istringstream in(body_);
    upload.Receive(in);
    EXPECT_EQ(upload.files().size(), 1u);
    EXPECT_EQ(upload.received_bytes(), pdf_.size());
    EXPECT_EQ(StoredFiles(), 1u);
    // The request fails between the steps (its epilogue cut short, the
    // database gone): the upload is dropped without its commit.
  }
  EXPECT_EQ(StoredFiles(), 0u);
  EXPECT_EQ(Versions(), 0);
}

// The database is asked only once the request's own announcements passed:
// a step skipped is a programming error, not a refusal.
TEST_F(PieceUploadTest, TheDatabaseIsAskedOnlyAfterTheAnnouncements) {
  PieceUpload upload(Request("C1", "cv", body_), limits_, quota_, store_);
  PooledConnection connection = db_.pool().Acquire();
  EXPECT_THROW(upload.Admit(*connection, policy_), std::logic_error);
  EXPECT_EQ(AllowanceRows(), 0);
  upload.CheckAnnounced();
  upload.Admit(*connection, policy_);
  EXPECT_EQ(AllowanceRows(), 1);
}

}  // namespace
}  // namespace dossier
