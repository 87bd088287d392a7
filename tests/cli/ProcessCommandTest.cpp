// `dossier process` and `dossier piece-types` run as the real binary, as the
// outside checks (docs/ARCHITECTURE.md, "The contract") run it:
// JSON report on stdout, exit codes 0 accepted / 3 refused / 1 internal /
// 2 usage, OUT.pdf written only when accepted. The output PDF is judged by
// qpdf and poppler, never by our own code alone.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "tests/fixtures/BornDigitalPdf.h"
#include "tests/fixtures/DocxLike.h"
#include "tests/fixtures/EmptyFile.h"
#include "tests/fixtures/EncryptedPdf.h"
#include "tests/fixtures/PhonePhotoJpeg.h"
#include "tests/fixtures/ReferenceDossier.h"
#include "tests/fixtures/SampleTexts.h"
#include "tests/fixtures/ScanJpeg.h"
#include "tests/fixtures/ScannedPdf.h"
#include "tests/fixtures/SignedPdf.h"
#include "tests/fixtures/Truncated.h"
#include "tests/support/Oracles.h"

namespace dossier {
namespace {

namespace fx = fixtures;
using Poco::JSON::Object;
using testing::BuiltBinary;
using testing::PopplerPageCount;
using testing::QpdfCheckPasses;
using testing::ReadFile;
using testing::RunCommand;
using testing::TempDir;

constexpr int kAccepted = 0, kUsage = 2, kRefused = 3;

std::string Quoted(const std::string& path) {
  return "'" + path + "'";
}

struct DossierRun {
  int exit_code = -1;
  std::string out;  // stdout only: the JSON report
  std::string err;  // stderr, for failure messages
};

// Runs `dossier ARGS` with stdout and stderr kept apart.
DossierRun RunDossier(const TempDir& dir, const std::string& args) {
  std::string err_path = dir.path() + "/stderr.txt";
  testing::CommandResult result = RunCommand("{ " + Quoted(BuiltBinary("dossier")) + " " + args +
                                             " 2>" + Quoted(err_path) + "; }");
  return {result.exit_code, result.out, ReadFile(err_path)};
}

// `dossier process -o DIR/OUT.pdf FILES...` with extra options before.
DossierRun RunProcess(const TempDir& dir, const std::vector<std::string>& files,
                      const std::string& options = "") {
  std::string args = "process " + options + " -o " + Quoted(dir.path() + "/OUT.pdf");
  for (const std::string& file : files) args += " " + Quoted(file);
  return RunDossier(dir, args);
}

Object::Ptr ParseObject(const std::string& text) {
  try {
    Poco::JSON::Parser parser;
    return parser.parse(text).extract<Object::Ptr>();
  } catch (const Poco::Exception& error) {
    ADD_FAILURE() << "stdout is not one JSON object (" << error.displayText() << "): " << text;
  } catch (const std::exception& error) {
    ADD_FAILURE() << "stdout is not one JSON object (" << error.what() << "): " << text;
  }
  return nullptr;
}

std::string Text(const Object::Ptr& report, const std::string& key) {
  return report->getValue<std::string>(key);
}

Poco::Int64 Integer(const Object::Ptr& report, const std::string& key) {
  return report->getValue<Poco::Int64>(key);
}

// Every key the contract promises, with the JSON type it promises.
void ExpectContractKeys(const Object::Ptr& report) {
  ASSERT_TRUE(report);
  for (const char* key :
       {"status", "reason", "message", "input_bytes", "output_bytes", "pages", "ine", "signed"})
    EXPECT_TRUE(report->has(key)) << "missing key " << key;
  EXPECT_TRUE(report->get("status").isString());
  EXPECT_TRUE(report->isNull("reason") || report->get("reason").isString());
  EXPECT_TRUE(report->get("message").isString());
  EXPECT_TRUE(report->get("input_bytes").isInteger());
  EXPECT_TRUE(report->get("output_bytes").isInteger());
  EXPECT_TRUE(report->get("pages").isInteger());
  EXPECT_TRUE(report->get("signed").isBoolean());
  Object::Ptr ine = report->getObject("ine");
  ASSERT_TRUE(ine) << "ine is not an object";
  for (const char* key : {"verdict", "value", "confidence", "page", "source"})
    EXPECT_TRUE(ine->has(key)) << "missing key ine." << key;
  EXPECT_TRUE(ine->get("verdict").isString());
}

// A refusal as the contract shapes it: exit 3, JSON with the reason, a
// message for the candidate, and no OUT.pdf (nor its temporary) left behind.
Object::Ptr ExpectRefused(const TempDir& dir, const DossierRun& run, const std::string& reason) {
  EXPECT_EQ(run.exit_code, kRefused) << run.out << run.err;
  Object::Ptr report = ParseObject(run.out);
  if (!report) return report;
  ExpectContractKeys(report);
  EXPECT_EQ(Text(report, "status"), "refused");
  EXPECT_FALSE(report->isNull("reason"));
  if (!report->isNull("reason")) {
    EXPECT_EQ(Text(report, "reason"), reason) << run.out;
  }
  EXPECT_FALSE(Text(report, "message").empty());
  EXPECT_EQ(Integer(report, "output_bytes"), 0);
  EXPECT_FALSE(std::filesystem::exists(dir.path() + "/OUT.pdf"));
  EXPECT_FALSE(std::filesystem::exists(dir.path() + "/OUT.pdf.partial"));
  return report;
}

Object::Ptr ExpectAccepted(const TempDir& dir, const DossierRun& run) {
  EXPECT_EQ(run.exit_code, kAccepted) << run.out << run.err;
  Object::Ptr report = ParseObject(run.out);
  if (!report) return report;
  ExpectContractKeys(report);
  EXPECT_EQ(Text(report, "status"), "accepted") << run.out;
  EXPECT_TRUE(report->isNull("reason")) << run.out;
  EXPECT_FALSE(Text(report, "message").empty());
  EXPECT_TRUE(std::filesystem::exists(dir.path() + "/OUT.pdf"));
  EXPECT_FALSE(std::filesystem::exists(dir.path() + "/OUT.pdf.partial"));
  return report;
}

// Every size written the French way in `text` ("133 ko", "1,2 Mo"), in bytes.
std::vector<double> FrenchSizesIn(const std::string& text) {
  std::vector<double> sizes;
  std::regex size(R"((\d+)(?:,(\d))? (ko|Mo))");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), size); it != std::sregex_iterator();
       ++it) {
    double value =
        std::stod((*it)[1].str()) + ((*it)[2].matched ? std::stod((*it)[2].str()) / 10 : 0);
    sizes.push_back(value * ((*it)[3].str() == "Mo" ? 1e6 : 1e3));
  }
  return sizes;
}

// A 300 dpi colour scan with sensor noise: too noisy to shrink far.
std::string NoisyScanJpeg300() {
  fx::TextPageSpec spec;
  spec.lines = fx::ReleveNotesBacLines("1234567890V");
  spec.bold_lines = 1;
  spec.dpi = 300;
  spec.noise_sigma = 3;
  spec.skew_degrees = 0.5;
  return fx::ScanJpeg(spec, 85);
}

TEST(ProcessCommandTest, MergesBornDigitalPdfAndPhonePhotoIntoOneCheckedPdf) {
  TempDir dir;
  std::string pdf = fx::BornDigitalPdf(fx::CvPages());
  std::string photo = fx::PhonePhotoJpeg(fx::BulletinTrimestrielLines(1));
  int pdf_pages = PopplerPageCount(pdf);
  ASSERT_GT(pdf_pages, 0);
  std::string pdf_path = dir.Write("cv.pdf", pdf);
  std::string photo_path = dir.Write("IMG_20240312_181502.jpg", photo);

  DossierRun run = RunProcess(dir, {pdf_path, photo_path});
  Object::Ptr report = ExpectAccepted(dir, run);
  ASSERT_TRUE(report);

  std::string out = ReadFile(dir.path() + "/OUT.pdf");
  EXPECT_TRUE(QpdfCheckPasses(out));
  // One page per photo, all the pages of the PDF, as poppler counts them.
  EXPECT_EQ(PopplerPageCount(out), pdf_pages + 1);
  EXPECT_EQ(Integer(report, "pages"), pdf_pages + 1);
  EXPECT_EQ(Integer(report, "output_bytes"), static_cast<Poco::Int64>(out.size()));
  EXPECT_EQ(Integer(report, "input_bytes"), static_cast<Poco::Int64>(pdf.size() + photo.size()));
  EXPECT_FALSE(report->getValue<bool>("signed"));
  // Within eCandidat's default limit.
  EXPECT_LE(out.size(), 2'000'000u);
}

TEST(ProcessCommandTest, RefusesWordDocumentWithFrenchMessage) {
  TempDir dir;
  std::string docx = dir.Write("lettre.docx", fx::DocxLike());
  Object::Ptr report = ExpectRefused(dir, RunProcess(dir, {docx}), "format");
  ASSERT_TRUE(report);
  std::string message = Text(report, "message");
  EXPECT_NE(message.find("Word"), std::string::npos) << message;
  // Addressed to the candidate in French: names the file and what to send.
  EXPECT_NE(message.find("lettre.docx"), std::string::npos) << message;
  EXPECT_NE(message.find("fichier"), std::string::npos) << message;
  EXPECT_NE(message.find("PDF"), std::string::npos) << message;
}

TEST(ProcessCommandTest, RefusesEmptyFile) {
  TempDir dir;
  std::string empty = dir.Write("releve.pdf", fx::EmptyFile());
  ExpectRefused(dir, RunProcess(dir, {empty}), "empty");
}

TEST(ProcessCommandTest, RefusesPdfThatNeedsAUserPassword) {
  TempDir dir;
  std::string locked = dir.Write("releve.pdf", fx::EncryptedPdf("secret", "proprietaire"));
  ExpectRefused(dir, RunProcess(dir, {locked}), "encrypted");
}

TEST(ProcessCommandTest, AcceptsPdfProtectedOnlyByOwnerPassword) {
  // Empty user password: every reader opens it, so the commission can too.
  TempDir dir;
  std::string encrypted = fx::EncryptedPdf("", "proprietaire");
  std::string path = dir.Write("releve.pdf", encrypted);
  Object::Ptr report = ExpectAccepted(dir, RunProcess(dir, {path}));
  ASSERT_TRUE(report);
  std::string out = ReadFile(dir.path() + "/OUT.pdf");
  EXPECT_TRUE(QpdfCheckPasses(out));
  EXPECT_EQ(PopplerPageCount(out), 1);
  EXPECT_EQ(Integer(report, "pages"), 1);
}

TEST(ProcessCommandTest, RefusesTruncatedJpegAsCorrupt) {
  TempDir dir;
  fx::TextPageSpec spec;
  spec.lines = fx::BulletinTrimestrielLines(2);
  spec.dpi = 150;
  std::string cut = fx::Truncated(fx::ScanJpeg(spec), 0.5);
  std::string path = dir.Write("bulletin.jpg", cut);
  ExpectRefused(dir, RunProcess(dir, {path}), "corrupt");
}

TEST(ProcessCommandTest, RefusesSixHundredDpiScanThatCannotFitAndSaysSizeInKo) {
  // The releve_bac shape (one 600 dpi grey JPEG page, ~10 MB) against a limit
  // no page can meet: the refusal states the smallest size reached.
  TempDir dir;
  std::string scan = fx::ScannedPdf(fx::ReleveBacScanSpec(), fx::kReleveBacJpegQuality);
  std::string path = dir.Write("releve_bac.pdf", scan);
  Object::Ptr report = ExpectRefused(dir, RunProcess(dir, {path}, "--max-bytes 20000"), "size");
  ASSERT_TRUE(report);
  EXPECT_EQ(Integer(report, "input_bytes"), static_cast<Poco::Int64>(scan.size()));
  EXPECT_EQ(Integer(report, "max_bytes"), 20'000);  // --max-bytes wins over the policy
  std::string message = Text(report, "message");
  // French units: ko as a whole number, Mo with one decimal after a comma.
  // The message names the limit (20 ko) and a larger size reached.
  std::vector<double> sizes = FrenchSizesIn(message);
  EXPECT_NE(std::find(sizes.begin(), sizes.end(), 20'000.0), sizes.end()) << message;
  EXPECT_TRUE(std::any_of(sizes.begin(), sizes.end(), [](double size) { return size > 20'000; }))
      << message;
  EXPECT_FALSE(std::regex_search(message, std::regex(R"(\d\.\d)"))) << message;
}

TEST(ProcessCommandTest, SizeRefusalGivesMegabytesWithFrenchDecimalComma) {
  // Twelve noisy 300 dpi pages stay above 1 Mo even at the last rung of the
  // ladder (~130 ko each), so the achieved size is written in Mo.
  TempDir dir;
  std::string scan = NoisyScanJpeg300();
  std::vector<std::string> paths;
  for (int i = 1; i <= 12; ++i)
    paths.push_back(dir.Write("page" + std::to_string(i) + ".jpg", scan));
  Object::Ptr report = ExpectRefused(dir, RunProcess(dir, paths, "--max-bytes 20000"), "size");
  ASSERT_TRUE(report);
  std::string message = Text(report, "message");
  EXPECT_TRUE(std::regex_search(message, std::regex(R"(\d+,\d Mo)"))) << message;
  EXPECT_FALSE(std::regex_search(message, std::regex(R"(\d\.\d)"))) << message;
}

TEST(ProcessCommandTest, ReportsRequestedPieceType) {
  TempDir dir;
  std::string path =
      dir.Write("releve.pdf", fx::BornDigitalPdf({fx::ReleveNotesBacLines("1234567890V")}));
  Object::Ptr report = ExpectAccepted(dir, RunProcess(dir, {path}, "--piece-type releve_bac"));
  ASSERT_TRUE(report);
  ASSERT_TRUE(report->has("piece_type"));
  EXPECT_EQ(Text(report, "piece_type"), "releve_bac");
}

TEST(ProcessCommandTest, UnknownPieceTypeIsUsageError) {
  TempDir dir;
  std::string path = dir.Write("cv.pdf", fx::BornDigitalPdf(fx::CvPages()));
  DossierRun run = RunProcess(dir, {path}, "--piece-type nope");
  EXPECT_EQ(run.exit_code, kUsage) << run.out << run.err;
  EXPECT_NE(run.err.find("nope"), std::string::npos) << run.err;
  EXPECT_FALSE(std::filesystem::exists(dir.path() + "/OUT.pdf"));
}

TEST(ProcessCommandTest, MissingOutputOptionIsUsageError) {
  TempDir dir;
  std::string path = dir.Write("cv.pdf", fx::BornDigitalPdf(fx::CvPages()));
  DossierRun run = RunDossier(dir, "process " + Quoted(path));
  EXPECT_EQ(run.exit_code, kUsage) << run.out << run.err;
  EXPECT_TRUE(run.out.empty()) << run.out;  // no report for a bad command line
}

TEST(ProcessCommandTest, MissingInputFileIsUsageError) {
  TempDir dir;
  DossierRun run = RunProcess(dir, {dir.path() + "/absent.pdf"});
  EXPECT_EQ(run.exit_code, kUsage) << run.out << run.err;
  EXPECT_FALSE(std::filesystem::exists(dir.path() + "/OUT.pdf"));
}

TEST(ProcessCommandTest, MalformedMaxBytesIsUsageError) {
  TempDir dir;
  std::string path = dir.Write("cv.pdf", fx::BornDigitalPdf(fx::CvPages()));
  DossierRun run = RunProcess(dir, {path}, "--max-bytes 2Mo");
  EXPECT_EQ(run.exit_code, kUsage) << run.out << run.err;
}

TEST(ProcessCommandTest, AppliesPieceTypeLimitsFromPolicyFile) {
  // An establishment's own policy overrides the built-in limit for the pièce.
  TempDir dir;
  std::string policy = dir.Write("etab.json", R"({"defaults": {"max_bytes": 2000000},
      "piece_types": [{"code": "releve_bac", "max_bytes": 150000}]})");
  std::string pdf =
      dir.Write("releve.pdf", fx::BornDigitalPdf({fx::ReleveNotesBacLines("1234567890V")}));
  Object::Ptr report = ExpectAccepted(
      dir, RunProcess(dir, {pdf}, "--policy " + Quoted(policy) + " --piece-type releve_bac"));
  ASSERT_TRUE(report);
  EXPECT_EQ(Integer(report, "max_bytes"), 150'000);
  EXPECT_EQ(Text(report, "piece_type"), "releve_bac");
}

TEST(ProcessCommandTest, BadPolicyFileIsUsageErrorNamingTheEntry) {
  TempDir dir;
  std::string policy = dir.Write("etab.json", R"({"piece_types": [{"code": "cv"},
      {"code": "lettre", "formats": ["docx"]}]})");
  std::string pdf = dir.Write("cv.pdf", fx::BornDigitalPdf(fx::CvPages()));
  DossierRun run = RunProcess(dir, {pdf}, "--policy " + Quoted(policy));
  EXPECT_EQ(run.exit_code, kUsage) << run.out << run.err;
  EXPECT_NE(run.err.find("etab.json"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("piece_types[1]"), std::string::npos) << run.err;
  EXPECT_FALSE(std::filesystem::exists(dir.path() + "/OUT.pdf"));
}

TEST(ProcessCommandTest, NoCommandIsUsageError) {
  TempDir dir;
  EXPECT_EQ(RunDossier(dir, "").exit_code, kUsage);
  EXPECT_EQ(RunDossier(dir, "frobnicate").exit_code, kUsage);
}

TEST(ProcessCommandTest, PieceTypesPrintsJsonListingReleveBac) {
  TempDir dir;
  DossierRun run = RunDossier(dir, "piece-types");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  Object::Ptr listing = ParseObject(run.out);
  ASSERT_TRUE(listing);
  Poco::JSON::Array::Ptr types = listing->getArray("piece_types");
  ASSERT_TRUE(types);
  bool found = false;
  for (std::size_t i = 0; i < types->size(); ++i) {
    Object::Ptr type = types->getObject(static_cast<unsigned>(i));
    ASSERT_TRUE(type);
    if (type->getValue<std::string>("code") != "releve_bac") continue;
    found = true;
    EXPECT_TRUE(type->getValue<bool>("check_ine"));
    EXPECT_EQ(type->getValue<Poco::Int64>("max_bytes"), 2'000'000);
  }
  EXPECT_TRUE(found) << run.out;
}

TEST(ProcessCommandTest, KeepsSignedPdfByteForByte) {
  // Rewriting a signed PDF would break its signature: it is kept as sent.
  TempDir dir;
  std::string signed_pdf = fx::SignedPdf();
  std::string path = dir.Write("attestation.pdf", signed_pdf);
  Object::Ptr report = ExpectAccepted(dir, RunProcess(dir, {path}));
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->getValue<bool>("signed"));
  std::string out = ReadFile(dir.path() + "/OUT.pdf");
  EXPECT_TRUE(out == signed_pdf) << "OUT.pdf differs from the signed input (" << out.size()
                                 << " bytes vs " << signed_pdf.size() << ")";
  EXPECT_EQ(Integer(report, "output_bytes"), static_cast<Poco::Int64>(signed_pdf.size()));
}

}  // namespace
}  // namespace dossier
