// `dossier assemble`, run as the server runs it: the built binary, real files.
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/fixtures/BornDigitalPdf.h"
#include "tests/support/Oracles.h"

namespace dossier {
namespace {

const char* const kCover = R"json({
  "candidature": "c-7", "formation": "Master Histoire de l’art", "declared_ine": "",
  "status": "Réceptionné", "generated_at": "01/07/2024 à 08:00 (UTC)",
  "pieces": [{"label": "Diplôme de licence", "status": "Transmise",
              "precheck": "acceptée, 1 page, 40 ko", "comment": ""},
             {"label": "Lettre de motivation", "status": "Validée",
              "precheck": "acceptée, 2 pages, 60 ko", "comment": "Très claire."}]})json";

testing::CommandResult Assemble(const std::string& args) {
  return testing::RunCommand("'" + testing::BuiltBinary("dossier") + "' assemble " + args);
}

std::size_t FilesIn(const std::string& dir) {
  std::size_t count = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir)) ++count;
  return count;
}

TEST(DossierAssembleCommand, WritesTheCoverThenThePieces) {
  testing::TempDir dir;
  std::string cover = dir.Write("cover.json", kCover);
  std::string one = dir.Write("1.pdf", fixtures::BornDigitalPdf({{"DIPLOME"}}));
  std::string two = dir.Write("2.pdf", fixtures::BornDigitalPdf({{"LETTRE"}, {"SUITE"}}));
  std::string out = dir.path() + "/dossier.pdf";
  testing::CommandResult run = Assemble("--cover " + cover + " -o " + out + " " + one + " " + two);
  ASSERT_EQ(run.exit_code, 0) << run.out;
  std::string pdf = testing::ReadFile(out);
  EXPECT_EQ(testing::PopplerPageCount(pdf), 1 + 1 + 2);
  std::string text = testing::PdfText(pdf);
  EXPECT_NE(text.find("Master Histoire de l’art"), std::string::npos) << text;
  EXPECT_LT(text.find("DIPLOME"), text.find("LETTRE"));
  EXPECT_EQ(FilesIn(dir.path()), 4u);  // no temp file left beside OUT
}

TEST(DossierAssembleCommand, LeavesNoOutputWhenAPieceIsDamaged) {
  testing::TempDir dir;
  std::string cover = dir.Write("cover.json", kCover);
  std::string bad = dir.Write("bad.pdf", "%PDF-1.7 this is not a PDF");
  std::string out = dir.path() + "/dossier.pdf";
  testing::CommandResult run = Assemble("--cover " + cover + " -o " + out + " " + bad);
  EXPECT_EQ(run.exit_code, 1) << run.out;
  EXPECT_NE(run.out.find("pièce 1"), std::string::npos) << run.out;
  EXPECT_FALSE(std::filesystem::exists(out));
  EXPECT_EQ(FilesIn(dir.path()), 2u);
}

TEST(DossierAssembleCommand, RejectsABadCoverAndBadUsage) {
  testing::TempDir dir;
  std::string cover = dir.Write("cover.json", R"({"formation": "x", "pieces": "none"})");
  std::string out = dir.path() + "/dossier.pdf";
  testing::CommandResult bad_cover = Assemble("--cover " + cover + " -o " + out);
  EXPECT_EQ(bad_cover.exit_code, 1);
  EXPECT_NE(bad_cover.out.find("pieces"), std::string::npos) << bad_cover.out;
  EXPECT_FALSE(std::filesystem::exists(out));
  EXPECT_EQ(Assemble("--cover " + cover).exit_code, 2);
  EXPECT_EQ(Assemble("-o " + out + " --frobnicate").exit_code, 2);
}

}  // namespace
}  // namespace dossier
