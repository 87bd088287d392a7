// What a candidature keeps: the originals of each pièce's last versions,
// within a bound checked when the upload is committed; versions replaced
// long ago lose their files once their job is over, never the current one
// and never one a worker may still read.
#include <cppconn/connection.h>
#include <cppconn/statement.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <sstream>

#include "ingest/upload/CommitUpload.h"
#include "ingest/upload/PruneReplacedVersions.h"
#include "ingest/upload/ReceiveMultipart.h"
#include "store/blobs/BlobStore.h"
#include "tests/db/TestDatabase.h"
#include "tests/fixtures/BornDigitalPdf.h"
#include "tests/support/ClientErrorOf.h"
#include "tests/support/Oracles.h"
#include "workflow/policy/PiecePolicy.h"
#include "workflow/policy/PieceTypesTable.h"

namespace dossier {
namespace {

const std::string kBoundary = "dossier-kept-versions-5c2e";

class KeptVersionsTest : public ::testing::Test {
 protected:
  KeptVersionsTest() : store_(dir_.path()) {
    PooledConnection connection = db_.pool().Acquire();
    SeedPieceTypes(*connection, PiecePolicy::BuiltIn());
    for (const char* id : {"C1", "C2"}) {
      Execute(std::string("INSERT INTO candidature (id, formation, status, created_at, "
                          "updated_at) VALUES ('") +
              id + "', 'Licence', 'AT', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))");
      for (const char* piece : {"cv", "lettre_motivation"})
        Execute(std::string("INSERT INTO pj_cand (candidature_id, piece_code, status, "
                            "updated_at) VALUES ('") +
                id + "', '" + piece + "', 'AT', UTC_TIMESTAMP(3))");
    }
  }

  void Execute(const std::string& statement) {
    PooledConnection connection = db_.pool().Acquire();
    std::unique_ptr<sql::Statement>(connection->createStatement())->execute(statement);
  }

  // One real PDF received through the door into the real store.
  std::vector<ReceivedFile> Pdf(const std::string& text) {
    std::string bytes = fixtures::BornDigitalPdf({{text}});
    std::string body = "--" + kBoundary +
                       "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.pdf\""
                       "\r\n\r\n" +
                       bytes + "\r\n--" + kBoundary + "--\r\n";
    std::istringstream in(body);
    UploadLimits limits;
    limits.min_free_bytes = 0;
    return ReceiveMultipart(in, "multipart/form-data; boundary=" + kBoundary, body.size(),
                            PieceRules{}, limits, store_);
  }

  UploadAck Commit(const std::string& id, const std::string& piece,
                   const std::vector<ReceivedFile>& files, const CandidatureQuota& quota,
                   const std::string& key = "") {
    PooledConnection connection = db_.pool().Acquire();
    return CommitUpload(*connection, id, piece, files, key, quota);
  }

  int Prune(int kept_versions) {
    PooledConnection connection = db_.pool().Acquire();
    return PruneReplacedVersions(*connection, store_, "C1", kept_versions);
  }

  void SetJob(int version, const std::string& state) {
    Execute("UPDATE job j JOIN piece_version v ON v.id = j.piece_version_id SET j.state = '" +
            state + "' WHERE v.candidature_id = 'C1' AND v.piece_code = 'cv' AND v.version = " +
            std::to_string(version));
  }

  // A processed PDF and its row, as a worker leaves them.
  std::string AddResult(const UploadAck& ack) {
    std::string key = store_.NewKey("results");
    store_.WriteDurably(key, fixtures::BornDigitalPdf({{"Résultat"}}));
    Execute(
        "INSERT INTO precheck (piece_version_id, job_id, outcome, message, output_key, "
        "output_bytes, latency_ms, created_at) VALUES (" +
        std::to_string(ack.piece_version_id) + ", " + std::to_string(ack.job_id) +
        ", 'accepted', 'ok', '" + key + "', 1, 1, UTC_TIMESTAMP(3))");
    return key;
  }

  bool OnDisk(const std::string& key) { return access(store_.PathOf(key).c_str(), F_OK) == 0; }

  std::vector<std::string> Purged() {
    return db_.Column(
        "SELECT version FROM piece_version WHERE purged_at IS NOT NULL ORDER BY version");
  }

  test::TestDatabase db_;
  testing::TempDir dir_;
  BlobStore store_;
};

TEST_F(KeptVersionsTest, AnUploadThatWouldPassTheBoundIsRefusedAndLeavesNothing) {
  std::vector<ReceivedFile> cv = Pdf("CV");
  std::uint64_t size = cv[0].size;
  CandidatureQuota quota;
  quota.max_kept_bytes = size * 5 / 2;  // room for two such files, not three
  Commit("C1", "cv", cv, quota, "first");
  Commit("C1", "lettre_motivation", Pdf("CV"), quota);
  ClientError refused =
      testing::ClientErrorOf([&] { Commit("C1", "lettre_motivation", Pdf("CV"), quota); });
  EXPECT_STREQ(refused.code_name(), "quota_exceeded");
  EXPECT_NE(refused.message().find("dépasseraient"), std::string::npos);
  EXPECT_EQ(db_.Count("SELECT COUNT(*) FROM piece_version"), 2);
  // A retry of an acknowledged upload stores nothing: it is answered.
  EXPECT_TRUE(Commit("C1", "cv", Pdf("CV"), quota, "first").replayed);
  // Another candidature has its own bound.
  EXPECT_EQ(Commit("C2", "cv", Pdf("CV"), quota).version, 1);
}

TEST_F(KeptVersionsTest, ReplacingAPieceIsNotRefusedForTheVersionItPushesOut) {
  CandidatureQuota quota;
  quota.kept_versions = 1;
  std::vector<ReceivedFile> cv = Pdf("CV");
  quota.max_kept_bytes = cv[0].size * 5 / 2;
  Commit("C1", "cv", cv, quota);
  Commit("C1", "lettre_motivation", Pdf("CV"), quota);
  // The lettre's version 1 is no longer kept once version 2 is in.
  EXPECT_EQ(Commit("C1", "lettre_motivation", Pdf("CV"), quota).version, 2);
  EXPECT_EQ(Commit("C1", "lettre_motivation", Pdf("CV"), quota).version, 3);
}

TEST_F(KeptVersionsTest, OnlyVersionsPastTheKeptOnesWithTheirJobOverLoseTheirFiles) {
  CandidatureQuota quota;
  std::vector<UploadAck> acks;
  std::vector<std::string> keys;
  for (int i = 1; i <= 5; ++i) {
    std::vector<ReceivedFile> files = Pdf("CV version " + std::to_string(i));
    keys.push_back(files[0].storage_key);
    acks.push_back(Commit("C1", "cv", files, quota));
  }
  std::string result = AddResult(acks[0]);
  SetJob(1, "done");
  SetJob(2, "running");  // a worker may be reading its files
  EXPECT_EQ(Prune(3), 1);
  EXPECT_EQ(Purged(), std::vector<std::string>{"1"});
  EXPECT_FALSE(OnDisk(keys[0]));
  EXPECT_FALSE(OnDisk(result));
  for (int i = 1; i < 5; ++i) EXPECT_TRUE(OnDisk(keys[i])) << "version " << i + 1;
  // The rows stay: the history and the metrics still count them.
  EXPECT_EQ(db_.Count("SELECT COUNT(*) FROM fichier"), 5);

  SetJob(2, "done");
  EXPECT_EQ(Prune(3), 1);
  EXPECT_FALSE(OnDisk(keys[1]));
  EXPECT_EQ(Prune(3), 0);  // nothing left to do

  // Even keeping one version only, the current one and the queued ones stay.
  SetJob(3, "done");
  EXPECT_EQ(Prune(1), 1);
  EXPECT_EQ(Purged(), (std::vector<std::string>{"1", "2", "3"}));
  EXPECT_TRUE(OnDisk(keys[3]));
  SetJob(4, "poison");
  SetJob(5, "done");
  EXPECT_EQ(Prune(1), 1);
  EXPECT_TRUE(OnDisk(keys[4]));
  EXPECT_EQ(db_.Scalar("SELECT purged_at IS NULL FROM piece_version WHERE version = 5"), "1");
}

TEST_F(KeptVersionsTest, OtherCandidaturesAreLeftAlone) {
  CandidatureQuota quota;
  std::vector<std::string> keys;
  for (int i = 1; i <= 3; ++i) {
    std::vector<ReceivedFile> files = Pdf("CV " + std::to_string(i));
    keys.push_back(files[0].storage_key);
    Commit("C2", "cv", files, quota);
  }
  Execute("UPDATE job SET state = 'done'");
  EXPECT_EQ(Prune(1), 0);  // prunes C1 only
  for (const std::string& key : keys) EXPECT_TRUE(OnDisk(key));
}

}  // namespace
}  // namespace dossier
