#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/statement.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <regex>
#include <thread>
#include <vector>

#include "core/errors/ClientError.h"
#include "server/dossier/DossierPdf.h"
#include "server/dossier/ProgramSlots.h"
#include "store/blobs/BlobStore.h"
#include "tests/db/TestDatabase.h"
#include "tests/fixtures/BornDigitalPdf.h"
#include "tests/support/Oracles.h"

namespace dossier {
namespace {

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The text with every run of white space as one space: cells wrap where the
// layout wants.
std::string OneLine(const std::string& text) {
  return std::regex_replace(text, std::regex("\\s+"), " ");
}

// A candidature written as the service writes it: rows by SQL, processed
// PDFs through the BlobStore.
class DossierRows {
 public:
  DossierRows(test::TestDatabase& db, const BlobStore& store) : db_(db), store_(store) {}

  void Execute(const std::string& statement, const std::vector<std::string>& values = {}) {
    PooledConnection connection = db_.pool().Acquire();
    std::unique_ptr<sql::PreparedStatement> prepared(connection->prepareStatement(statement));
    for (std::size_t i = 0; i < values.size(); ++i)
      prepared->setString(static_cast<unsigned>(i + 1), values[i]);
    prepared->execute();
  }

  void Candidature(const std::string& id, const std::string& formation, const std::string& status) {
    Execute(
        "INSERT INTO candidature (id, formation, ine, status, created_at, updated_at) "
        "VALUES (?, ?, '1234567890V', ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))",
        {id, formation, status});
  }

  void PieceType(const std::string& code, const std::string& label) {
    Execute(
        "INSERT INTO piece_justif (code, label, max_bytes, max_pages, formats, target_dpi) "
        "VALUES (?, ?, 2000000, 20, 'pdf,jpeg,png', 200) ON DUPLICATE KEY UPDATE label = ?",
        {code, label, label});
  }

  void Piece(const std::string& candidature, const std::string& code, int position,
             const std::string& status) {
    Execute(
        "INSERT INTO pj_cand (candidature_id, piece_code, position, status, updated_at) "
        "VALUES (?, ?, ?, ?, UTC_TIMESTAMP(3))",
        {candidature, code, std::to_string(position), status});
  }

  // Version 1 of the pièce, processed: accepted with `pdf` as its result, or
  // refused for `reason` when pdf is empty. Returns the result's key.
  std::string Processed(const std::string& candidature, const std::string& code,
                        const std::string& pdf, int pages, const std::string& reason = "",
                        const std::string& ine_verdict = "non_verifie") {
    Execute(
        "INSERT INTO piece_version (candidature_id, piece_code, version, created_at) "
        "VALUES (?, ?, 1, UTC_TIMESTAMP(3))",
        {candidature, code});
    Execute("UPDATE pj_cand SET current_version = 1 WHERE candidature_id = ? AND piece_code = ?",
            {candidature, code});
    std::string version = VersionId(candidature, code);
    Execute(
        "INSERT INTO job (piece_version_id, state, run_after, created_at, finished_at) "
        "VALUES (?, 'done', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))",
        {version});
    std::string key;
    if (!pdf.empty()) {
      key = store_.NewKey("results");
      store_.WriteDurably(key, pdf);
    }
    std::string report = "{\"status\": \"" + std::string(pdf.empty() ? "refused" : "accepted") +
                         "\", \"pages\": " + std::to_string(pages) + "}";
    Execute(
        "INSERT INTO precheck (piece_version_id, job_id, outcome, reason, ine_verdict, message, "
        "report, output_key, output_bytes, latency_ms, created_at) "
        "SELECT ?, id, ?, NULLIF(?, ''), ?, 'message', ?, NULLIF(?, ''), ?, 10, "
        "UTC_TIMESTAMP(3) FROM job WHERE piece_version_id = ?",
        {version, pdf.empty() ? "refused" : "accepted", reason, ine_verdict, report, key,
         std::to_string(pdf.size()), version});
    return key;
  }

 private:
  std::string VersionId(const std::string& candidature, const std::string& code) {
    return db_.Scalar("SELECT id FROM piece_version WHERE candidature_id = '" + candidature +
                      "' AND piece_code = '" + code + "' AND version = 1");
  }

  test::TestDatabase& db_;
  const BlobStore& store_;
};

// Three pièces in position order: a CV (accepted, 2 pages), the relevé du
// bac (accepted, INE conforme), a lettre not uploaded, an attestation refused.
class DossierPdfTest : public ::testing::Test {
 protected:
  DossierPdfTest() : store_(data_.path()), rows_(db_, store_) {
    rows_.PieceType("t_cv", "Curriculum vitæ");
    rows_.PieceType("t_bac", "Relevé de notes du baccalauréat");
    rows_.PieceType("t_lettre", "Lettre de motivation");
    rows_.PieceType("t_attestation", "Attestation de réussite");
    rows_.Candidature("cand-1", "Licence Lettres modernes — parcours Édition", "RE");
    rows_.Piece("cand-1", "t_bac", 2, "TR");
    rows_.Piece("cand-1", "t_cv", 1, "VA");
    rows_.Piece("cand-1", "t_lettre", 3, "AT");
    rows_.Piece("cand-1", "t_attestation", 4, "TR");
    rows_.Processed("cand-1", "t_cv", fixtures::BornDigitalPdf({{"CV PAGE UN"}, {"CV PAGE DEUX"}}),
                    2);
    bac_key_ = rows_.Processed("cand-1", "t_bac", fixtures::BornDigitalPdf({{"RELEVE DU BAC"}}), 1,
                               "", "conforme");
    rows_.Processed("cand-1", "t_attestation", "", 0, "size");
  }

  DossierPdf Dossier() {
    return DossierPdf(db_.pool(), store_, testing::BuiltBinary("dossier"), slots_);
  }

  test::TestDatabase db_;
  ProgramSlots slots_{2};
  testing::TempDir data_;
  BlobStore store_;
  DossierRows rows_;
  std::string bac_key_;
};

ino_t Inode(const std::string& path) {
  struct stat info {};
  return stat(path.c_str(), &info) == 0 ? info.st_ino : 0;
}

TEST_F(DossierPdfTest, BuildsTheCoverThenTheAcceptedPiecesInPositionOrder) {
  std::string path = Dossier().PathFor("cand-1");
  EXPECT_TRUE(std::regex_match(path, std::regex(".*/dossiers/cand-1-[0-9a-f]{64}\\.pdf"))) << path;
  std::string pdf = testing::ReadFile(path);
  EXPECT_EQ(testing::PopplerPageCount(pdf), 1 + 2 + 1);
  EXPECT_TRUE(testing::QpdfCheckPasses(pdf));
  std::string text = OneLine(testing::PdfText(pdf));
  EXPECT_TRUE(Has(text, "Licence Lettres modernes — parcours Édition")) << text;
  EXPECT_TRUE(Has(text, "Statut de la candidature : Réceptionné")) << text;
  EXPECT_TRUE(Has(text, "INE conforme")) << text;
  EXPECT_TRUE(Has(text, "non fournie")) << text;
  EXPECT_TRUE(Has(text, "refusée : trop volumineuse")) << text;
  EXPECT_TRUE(Has(text, "Validée")) << text;
  std::size_t cv = text.find("CV PAGE UN"), cv2 = text.find("CV PAGE DEUX"),
              bac = text.find("RELEVE DU BAC");
  ASSERT_NE(bac, std::string::npos);
  EXPECT_LT(text.find("Curriculum vitæ"), text.find("Relevé de notes du baccalauréat"));
  EXPECT_LT(cv, cv2);
  EXPECT_LT(cv2, bac);
  // Nothing left behind: no cover file in tmp/, no partial file beside it.
  EXPECT_TRUE(std::filesystem::is_empty(data_.path() + "/tmp"));
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry :
       std::filesystem::directory_iterator(data_.path() + "/dossiers"))
    ++files;
  EXPECT_EQ(files, 1u);
}

TEST_F(DossierPdfTest, ServesTheSameFileUntilSomethingChanges) {
  DossierPdf dossier = Dossier();
  std::string first = dossier.PathFor("cand-1");
  ino_t inode = Inode(first);
  std::string again = dossier.PathFor("cand-1");
  EXPECT_EQ(again, first);
  EXPECT_EQ(Inode(again), inode);  // not rebuilt

  rows_.Execute(
      "UPDATE pj_cand SET status = 'RE', comment = 'Illisible : merci de déposer un scan net.' "
      "WHERE candidature_id = 'cand-1' AND piece_code = 't_bac'");
  std::string changed = dossier.PathFor("cand-1");
  EXPECT_NE(changed, first);
  EXPECT_FALSE(std::filesystem::exists(first));  // the former dossier is removed
  std::string text = OneLine(testing::PdfText(testing::ReadFile(changed)));
  EXPECT_TRUE(Has(text, "Illisible : merci de")) << text;
  EXPECT_TRUE(Has(text, "Refusée")) << text;
  // Still the pièce: the gestionnaire refused it, the candidate sees why.
  EXPECT_TRUE(Has(text, "RELEVE DU BAC"));
}

TEST_F(DossierPdfTest, KeepsTheDossiersOfOtherCandidatures) {
  rows_.Candidature("cand-1-b", "Master Histoire", "AT");
  rows_.Piece("cand-1-b", "t_cv", 1, "TR");
  rows_.Processed("cand-1-b", "t_cv", fixtures::BornDigitalPdf({{"AUTRE CV"}}), 1);
  DossierPdf dossier = Dossier();
  std::string other = dossier.PathFor("cand-1-b");
  dossier.PathFor("cand-1");
  rows_.Execute("UPDATE candidature SET status = 'CO' WHERE id = 'cand-1'");
  dossier.PathFor("cand-1");
  EXPECT_TRUE(std::filesystem::exists(other));  // "cand-1-" is not its prefix
}

TEST_F(DossierPdfTest, UnknownOrUnsafeCandidaturesAreNotFound) {
  DossierPdf dossier = Dossier();
  EXPECT_THROW(dossier.PathFor("nope"), ClientError);
  EXPECT_THROW(dossier.PathFor("../cand-1"), ClientError);
  EXPECT_THROW(dossier.PathFor("cand-1/x"), ClientError);
  EXPECT_THROW(dossier.PathFor(""), ClientError);
  rows_.Candidature("empty", "Master", "AT");
  EXPECT_THROW(dossier.PathFor("empty"), ClientError);  // no pièce asked for
}

TEST_F(DossierPdfTest, AMissingResultIsAnErrorNotAPartialDossier) {
  store_.Remove(bac_key_);
  EXPECT_THROW(
      {
        try {
          Dossier().PathFor("cand-1");
        } catch (const ClientError&) {
          ADD_FAILURE() << "reported as not found";
        }
      },
      std::runtime_error);
  std::error_code ignored;
  EXPECT_FALSE(std::filesystem::exists(data_.path() + "/dossiers/") &&
               !std::filesystem::is_empty(data_.path() + "/dossiers/", ignored));
}

TEST_F(DossierPdfTest, AFailingAssemblerIsReportedWithItsOutput) {
  DossierPdf dossier(db_.pool(), store_, "/bin/false", slots_);
  try {
    dossier.PathFor("cand-1");
    FAIL() << "built";
  } catch (const ClientError&) {
    FAIL() << "not found";
  } catch (const std::runtime_error& error) {
    EXPECT_TRUE(Has(error.what(), "exit 1")) << error.what();
  }
}

// Four requests for the same dossier at once, one slot: the assembler runs
// once, one program at a time, and the others take the file it wrote.
TEST_F(DossierPdfTest, RequestsWaitForASlotAndTakeWhatWasAssembledMeanwhile) {
  ProgramSlots one(1);
  std::string log = data_.path() + "/assembled.log";
  std::string wrapper =
      data_.Write("assemble.sh", "#!/bin/sh\necho start >> " + log + "\nsleep 0.3\nexec " +
                                     testing::BuiltBinary("dossier") + " \"$@\"\n");
  std::filesystem::permissions(wrapper, std::filesystem::perms::owner_all);
  std::vector<std::string> paths(4);
  std::vector<std::thread> requests;
  for (std::string& path : paths)
    requests.emplace_back(
        [&] { path = DossierPdf(db_.pool(), store_, wrapper, one).PathFor("cand-1"); });
  for (std::thread& request : requests) request.join();
  for (const std::string& path : paths) EXPECT_EQ(path, paths[0]);
  EXPECT_EQ(testing::ReadFile(log), "start\n");
}

TEST(ProgramSlots, AFullSetAnswersBusyAfterItsWaitAndAFreedSlotIsTaken) {
  ProgramSlots slots(1);
  std::optional<ProgramSlots::Held> held(slots.Take(std::chrono::milliseconds(0)));
  try {
    slots.Take(std::chrono::milliseconds(50));
    FAIL() << "a second slot out of one";
  } catch (const ClientError& error) {
    EXPECT_EQ(error.code(), ErrorCode::kBusy);
    EXPECT_GT(error.retry_after(), 0);
  }
  std::thread giver([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    held.reset();
  });
  EXPECT_NO_THROW(slots.Take(std::chrono::seconds(10)));
  giver.join();
}

}  // namespace
}  // namespace dossier
