// CommitUpload against a real MariaDB: an upload becomes one new pièce
// version with its files, a queued job and the pièce set to TR, all in one
// transaction; eCandidat's rules refuse replacements that are no longer
// allowed, and an Idempotency-Key replays the first answer instead of
// creating a second version.
#include <Poco/JSON/Parser.h>
#include <cppconn/connection.h>
#include <cppconn/statement.h>
#include <gtest/gtest.h>

#include <sstream>
#include <thread>

#include "core/messages/ApiMessages.h"
#include "ingest/upload/CommitUpload.h"
#include "ingest/upload/ReceiveMultipart.h"
#include "isolation/LimitedChild.h"
#include "isolation/ReportChannel.h"
#include "store/blobs/BlobStore.h"
#include "tests/db/TestDatabase.h"
#include "tests/fixtures/BornDigitalPdf.h"
#include "tests/fixtures/ScanJpeg.h"
#include "tests/support/ClientErrorOf.h"
#include "tests/support/Oracles.h"
#include "workflow/policy/PiecePolicy.h"
#include "workflow/policy/PieceTypesTable.h"

namespace dossier {
namespace {

const std::string kBoundary = "dossier-test-boundary-41d7";

void Execute(test::TestDatabase& db, const std::string& statement) {
  PooledConnection connection = db.pool().Acquire();
  std::unique_ptr<sql::Statement>(connection->createStatement())->execute(statement);
}

// Made in a child: the other tests of this binary fork job children that
// start libvips, which would wait forever for the threads of a libvips
// already started here.
std::string ScanJpeg() {
  fixtures::TextPageSpec spec;
  spec.lines = {"Relevé de notes du baccalauréat", "N° INE : 1234567890V"};
  spec.dpi = 150;
  spec.grey = true;
  ChildResult made = RunLimitedChild(
      [&](int fd) { return WriteAll(fd, fixtures::ScanJpeg(spec, 85)) ? 0 : 1; }, ChildLimits{});
  EXPECT_EQ(made.exit_code, 0);
  return made.output;
}

class CommitUploadTest : public ::testing::Test {
 protected:
  CommitUploadTest() : store_(dir_.path()) {
    PooledConnection connection = db_.pool().Acquire();
    SeedPieceTypes(*connection, PiecePolicy::BuiltIn());
    AddCandidature("C1", "AT");
    AddPiece("C1", "releve_bac", "AT");
    AddPiece("C1", "cv", "AT");
  }

  void AddCandidature(const std::string& id, const std::string& status) {
    Execute(db_,
            "INSERT INTO candidature (id, formation, ine, status, created_at, updated_at) "
            "VALUES ('" +
                id + "', 'Licence Droit', '1234567890V', '" + status +
                "', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))");
  }

  void AddPiece(const std::string& candidature, const std::string& code,
                const std::string& status) {
    Execute(db_, "INSERT INTO pj_cand (candidature_id, piece_code, status, updated_at) VALUES ('" +
                     candidature + "', '" + code + "', '" + status + "', UTC_TIMESTAMP(3))");
  }

  // Real files, received through the door into a real store.
  std::vector<ReceivedFile> Files(const std::vector<std::pair<std::string, std::string>>& named) {
    std::string body;
    for (const auto& [name, bytes] : named)
      body += "--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" +
              name + "\"\r\n\r\n" + bytes + "\r\n";
    body += "--" + kBoundary + "--\r\n";
    std::istringstream in(body);
    UploadLimits limits;
    limits.min_free_bytes = 0;
    return ReceiveMultipart(in, "multipart/form-data; boundary=" + kBoundary, body.size(),
                            PieceRules{}, limits, store_);
  }

  std::vector<ReceivedFile> ScanAndPdf() {
    return Files({{"scan.jpg", scan_}, {"releve.pdf", pdf_}});
  }

  UploadAck Commit(const std::string& candidature, const std::string& piece,
                   const std::vector<ReceivedFile>& files, const std::string& key = "") {
    PooledConnection connection = db_.pool().Acquire();
    return CommitUpload(*connection, candidature, piece, files, key, CandidatureQuota());
  }

  ClientError Refusal(const std::string& candidature, const std::string& piece,
                      const std::vector<ReceivedFile>& files, const std::string& key = "") {
    return testing::ClientErrorOf([&] { Commit(candidature, piece, files, key); });
  }

  long long Versions() { return db_.Count("SELECT COUNT(*) FROM piece_version"); }

  test::TestDatabase db_;
  testing::TempDir dir_;
  BlobStore store_;
  std::string scan_ = ScanJpeg();
  std::string pdf_ = fixtures::BornDigitalPdf({{"Relevé de notes", "Moyenne 14,2"}});
};

TEST_F(CommitUploadTest, WritesTheVersionItsFilesAQueuedJobAndMarksThePieceTransmitted) {
  Execute(db_,
          "UPDATE pj_cand SET status = 'RE', comment = 'Illisible' "
          "WHERE candidature_id = 'C1' AND piece_code = 'releve_bac'");
  std::vector<ReceivedFile> files = ScanAndPdf();
  UploadAck ack = Commit("C1", "releve_bac", files);

  EXPECT_FALSE(ack.replayed);
  EXPECT_EQ(ack.version, 1);
  EXPECT_EQ(ack.piece_code, "releve_bac");
  std::string version = std::to_string(ack.piece_version_id);
  EXPECT_EQ(db_.Scalar("SELECT CONCAT(candidature_id, '/', piece_code, '/', version) FROM "
                       "piece_version WHERE id = " +
                       version),
            "C1/releve_bac/1");
  EXPECT_EQ(db_.Column("SELECT CONCAT(position, ' ', original_name, ' ', sniffed_type, ' ', "
                       "size_bytes, ' ', sha256, ' ', storage_key) FROM fichier "
                       "WHERE piece_version_id = " +
                       version + " ORDER BY position"),
            (std::vector<std::string>{"1 scan.jpg jpeg " + std::to_string(scan_.size()) + " " +
                                          files[0].sha256 + " " + files[0].storage_key,
                                      "2 releve.pdf pdf " + std::to_string(pdf_.size()) + " " +
                                          files[1].sha256 + " " + files[1].storage_key}));
  std::string job = std::to_string(ack.job_id);
  EXPECT_EQ(db_.Scalar("SELECT CONCAT(state, ' ', attempts, ' ', piece_version_id) FROM job "
                       "WHERE id = " +
                       job),
            "queued 0 " + version);
  EXPECT_EQ(db_.Count("SELECT COUNT(*) FROM job WHERE id = " + job +
                      " AND run_after <= UTC_TIMESTAMP(3) AND locked_until IS NULL"),
            1);
  EXPECT_EQ(db_.Scalar("SELECT CONCAT(status, ' ', current_version, ' ', comment IS NULL) FROM "
                       "pj_cand WHERE candidature_id = 'C1' AND piece_code = 'releve_bac'"),
            "TR 1 1");
  EXPECT_EQ(db_.Scalar("SELECT status FROM pj_cand WHERE piece_code = 'cv'"), "AT");
  EXPECT_EQ(db_.Count("SELECT COUNT(*) FROM upload_request"), 0);

  Poco::JSON::Parser parser;
  auto body = parser.parse(ack.response_json).extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(body->getValue<std::string>("candidature"), "C1");
  EXPECT_EQ(body->getValue<std::string>("piece"), "releve_bac");
  EXPECT_EQ(body->getValue<int>("version"), 1);
  EXPECT_EQ(body->getValue<std::int64_t>("job"), ack.job_id);
  EXPECT_EQ(body->getValue<std::string>("status"), "TR");
  auto listed = body->getArray("files");
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ(listed->getObject(0)->getValue<std::string>("name"), "scan.jpg");
  EXPECT_EQ(listed->getObject(0)->getValue<std::string>("type"), "jpeg");
  EXPECT_EQ(listed->getObject(0)->getValue<std::uint64_t>("bytes"), scan_.size());
  EXPECT_EQ(listed->getObject(1)->getValue<std::string>("sha256"), files[1].sha256);
  EXPECT_NE(body->getValue<std::string>("message").find("2 fichiers reçus"), std::string::npos);
}

TEST_F(CommitUploadTest, AReplacementIsTheNextVersionWithItsOwnJob) {
  UploadAck first = Commit("C1", "releve_bac", ScanAndPdf());
  UploadAck second = Commit("C1", "releve_bac", Files({{"releve-net.pdf", pdf_}}));
  EXPECT_EQ(second.version, 2);
  EXPECT_NE(second.job_id, first.job_id);
  EXPECT_NE(second.piece_version_id, first.piece_version_id);
  EXPECT_EQ(db_.Scalar("SELECT current_version FROM pj_cand WHERE piece_code = 'releve_bac'"), "2");
  // The first version's job is left to the worker, which ignores stale versions.
  EXPECT_EQ(db_.Count("SELECT COUNT(*) FROM job WHERE state = 'queued'"), 2);
  EXPECT_EQ(db_.Count("SELECT COUNT(*) FROM fichier WHERE piece_version_id = " +
                      std::to_string(second.piece_version_id)),
            1);
  EXPECT_NE(second.response_json.find("1 fichier reçu"), std::string::npos);
}

TEST_F(CommitUploadTest, ARetryWithTheSameKeyGetsTheFirstAnswerAndNoSecondVersion) {
  std::vector<ReceivedFile> files = ScanAndPdf();
  UploadAck first = Commit("C1", "releve_bac", files, "key-6f1c");
  ASSERT_FALSE(first.replayed);
  // Same bytes received again by the retry: other storage keys, same hashes.
  UploadAck again = Commit("C1", "releve_bac", ScanAndPdf(), "key-6f1c");
  EXPECT_TRUE(again.replayed);
  EXPECT_EQ(again.job_id, first.job_id);
  EXPECT_EQ(again.piece_version_id, first.piece_version_id);
  EXPECT_EQ(again.version, 1);
  EXPECT_EQ(again.response_json, first.response_json);
  EXPECT_EQ(Versions(), 1);
  EXPECT_EQ(db_.Count("SELECT COUNT(*) FROM job"), 1);
  EXPECT_EQ(db_.Count("SELECT COUNT(*) FROM fichier"), 2);

  PooledConnection connection = db_.pool().Acquire();
  std::optional<UploadAck> found = FindIdempotentUpload(*connection, "C1", "key-6f1c");
  ASSERT_TRUE(found);
  EXPECT_TRUE(found->replayed);
  EXPECT_EQ(found->job_id, first.job_id);
  EXPECT_EQ(found->piece_code, "releve_bac");
  EXPECT_EQ(found->response_json, first.response_json);
  EXPECT_FALSE(FindIdempotentUpload(*connection, "C1", "key-other"));
  EXPECT_FALSE(FindIdempotentUpload(*connection, "C2", "key-6f1c"));
}

TEST_F(CommitUploadTest, TheSameKeyWithOtherFilesOrAnotherPieceIsAConflict) {
  Commit("C1", "releve_bac", ScanAndPdf(), "key-7a2e");
  ClientError other_files = Refusal("C1", "releve_bac", Files({{"autre.pdf", pdf_}}), "key-7a2e");
  EXPECT_STREQ(other_files.code_name(), "idempotency_conflict");
  ClientError other_piece = Refusal("C1", "cv", ScanAndPdf(), "key-7a2e");
  EXPECT_STREQ(other_piece.code_name(), "idempotency_conflict");
  EXPECT_EQ(Versions(), 1);
  EXPECT_EQ(db_.Scalar("SELECT status FROM pj_cand WHERE piece_code = 'cv'"), "AT");
}

TEST_F(CommitUploadTest, TwoConcurrentRequestsWithOneKeyMakeOneVersion) {
  std::vector<ReceivedFile> files = ScanAndPdf();
  UploadAck acks[2];
  std::thread racers[2];
  for (int i = 0; i < 2; ++i)
    racers[i] = std::thread([&, i] { acks[i] = Commit("C1", "releve_bac", files, "key-race"); });
  for (std::thread& racer : racers) racer.join();
  EXPECT_EQ(acks[0].job_id, acks[1].job_id);
  EXPECT_NE(acks[0].replayed, acks[1].replayed);
  EXPECT_EQ(Versions(), 1);
  EXPECT_EQ(db_.Count("SELECT COUNT(*) FROM job"), 1);
}

TEST_F(CommitUploadTest, AValidatedPieceCannotBeReplaced) {
  Execute(db_, "UPDATE pj_cand SET status = 'VA' WHERE piece_code = 'releve_bac'");
  ClientError error = Refusal("C1", "releve_bac", ScanAndPdf());
  EXPECT_STREQ(error.code_name(), "piece_validated");
  EXPECT_NE(error.message().find("validée"), std::string::npos) << error.what();
  EXPECT_EQ(Versions(), 0);
  EXPECT_EQ(db_.Count("SELECT COUNT(*) FROM job"), 0);
  EXPECT_EQ(db_.Scalar("SELECT status FROM pj_cand WHERE piece_code = 'releve_bac'"), "VA");
}

TEST_F(CommitUploadTest, ATransmittedOrCompleteCandidatureTakesNoReplacement) {
  AddCandidature("C2", "RE");
  AddPiece("C2", "releve_bac", "RE");
  ClientError transmitted = Refusal("C2", "releve_bac", ScanAndPdf());
  EXPECT_STREQ(transmitted.code_name(), "candidature_closed");
  EXPECT_NE(transmitted.message().find("transmis"), std::string::npos);

  AddCandidature("C3", "CO");
  AddPiece("C3", "cv", "TR");
  ClientError complete = Refusal("C3", "cv", ScanAndPdf());
  EXPECT_STREQ(complete.code_name(), "candidature_closed");
  EXPECT_NE(complete.message().find("complet"), std::string::npos);
  EXPECT_EQ(Versions(), 0);
}

TEST_F(CommitUploadTest, AnIncompleteCandidatureTakesTheReplacementOfARefusedPiece) {
  AddCandidature("C4", "IN");
  AddPiece("C4", "identite", "RE");
  UploadAck ack = Commit("C4", "identite", Files({{"cni.pdf", pdf_}}));
  EXPECT_EQ(ack.version, 1);
  EXPECT_EQ(db_.Scalar("SELECT status FROM pj_cand WHERE candidature_id = 'C4'"), "TR");
  EXPECT_EQ(db_.Scalar("SELECT status FROM candidature WHERE id = 'C4'"), "IN");
}

TEST_F(CommitUploadTest, AnUnknownCandidatureOrAPieceNotRequiredIsNotFound) {
  ClientError piece = Refusal("C1", "diplomes", ScanAndPdf());  // a known type, not asked of C1
  EXPECT_STREQ(piece.code_name(), "not_found");
  EXPECT_EQ(piece.message(), messages::PieceNotRequired());
  ClientError candidature = Refusal("C9", "releve_bac", ScanAndPdf(), "key-1");
  EXPECT_STREQ(candidature.code_name(), "not_found");
  EXPECT_EQ(Versions(), 0);
  EXPECT_EQ(db_.Count("SELECT COUNT(*) FROM upload_request"), 0);
}

TEST_F(CommitUploadTest, AnOverlongKeyIsRefusedBeforeTheDatabase) {
  ClientError error = Refusal("C1", "releve_bac", ScanAndPdf(), std::string(129, 'k'));
  EXPECT_STREQ(error.code_name(), "invalid_idempotency_key");
  EXPECT_EQ(Versions(), 0);
}

}  // namespace
}  // namespace dossier
