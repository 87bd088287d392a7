// `dossier recepisse`, run as dossierd runs it: the built binary, real files.
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/support/Oracles.h"

namespace dossier {
namespace {

const char* const kReceipt = R"json({"candidature": "C1", "formation": "Licence Droit",
  "ine": null, "transmitted_at": "2026-07-01T10:05:00.000Z",
  "pieces": [{"code": "cv", "label": "CV", "status": "TR", "status_label": "Transmise",
              "pages": 1, "bytes": 1200,
              "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
              "files": ["cv.pdf"]}]})json";

testing::CommandResult Receipt(const std::string& args) {
  return testing::RunCommand("'" + testing::BuiltBinary("dossier") + "' recepisse " + args);
}

TEST(ReceiptCommand, DrawsTheReceiptIntoOut) {
  testing::TempDir dir;
  std::string json = dir.Write("r.json", kReceipt);
  std::string out = dir.path() + "/r.pdf";
  testing::CommandResult run = Receipt("--json " + json + " -o " + out);
  ASSERT_EQ(run.exit_code, 0) << run.out;
  std::string text = testing::PdfText(testing::ReadFile(out));
  EXPECT_NE(text.find("le 1er juillet 2026 à 12 h 05"), std::string::npos) << text;
  EXPECT_NE(text.find("non renseigné"), std::string::npos) << text;
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path()))
    ++files;
  EXPECT_EQ(files, 2u);  // no temp file left beside OUT
}

TEST(ReceiptCommand, UsageErrorsExit2) {
  testing::TempDir dir;
  std::string json = dir.Write("r.json", kReceipt);
  for (const std::string& args :
       {std::string(""), "--json " + json, "-o " + dir.path() + "/r.pdf",
        "--json " + json + " -o " + dir.path() + "/r.pdf extra", std::string("--json")}) {
    testing::CommandResult run = Receipt(args);
    EXPECT_EQ(run.exit_code, 2) << args << ": " << run.out;
    EXPECT_NE(run.out.find("usage: dossier recepisse"), std::string::npos) << run.out;
  }
  EXPECT_FALSE(std::filesystem::exists(dir.path() + "/r.pdf"));
}

TEST(ReceiptCommand, ABadReceiptExits1NamingTheKeyAndWritesNothing) {
  testing::TempDir dir;
  std::string json = dir.Write("r.json", R"({"candidature": "C1", "pieces": []})");
  std::string out = dir.path() + "/r.pdf";
  testing::CommandResult run = Receipt("--json " + json + " -o " + out);
  EXPECT_EQ(run.exit_code, 1) << run.out;
  EXPECT_NE(run.out.find("formation"), std::string::npos) << run.out;
  EXPECT_FALSE(std::filesystem::exists(out));
  EXPECT_EQ(Receipt("--json " + dir.path() + "/missing.json -o " + out).exit_code, 1);
}

}  // namespace
}  // namespace dossier
