#include <gtest/gtest.h>

#include <regex>

#include "processors/dossier/AssembleDossier.h"
#include "processors/pdf/ActiveContent.h"
#include "processors/pdf/PdfOpen.h"
#include "processors/pdf/PdfWrite.h"
#include "processors/pdf/QpdfRecovery.h"
#include "processors/pdf/QuietPodofo.h"
#include "processors/pipeline/ProcessPiece.h"
#include "tests/fixtures/ActiveContentPdf.h"
#include "tests/fixtures/BornDigitalPdf.h"
#include "tests/fixtures/HostilePdf.h"
#include "tests/fixtures/SignedPdf.h"
#include "tests/fixtures/Truncated.h"
#include "tests/support/Oracles.h"

namespace dossier {
namespace {

const ActiveContentKinds kEveryKind = {"embedded_file", "hide",        "import_data", "javascript",
                                       "launch",        "link",        "remote_goto", "reset_form",
                                       "rich_media",    "submit_form", "xfa"};

// The names and strings of active content that the PDF, as qpdf reads it
// (every reachable object, streams decoded), still holds.
std::vector<std::string> ActiveContentLeft(const std::string& pdf) {
  static const std::regex kActive(
      "/(JavaScript|JS|OpenAction|AA|Launch|EmbeddedFiles?|FileAttachment|XFA|RichMedia|Screen|"
      "SubmitForm|ImportData|ResetForm|Hide|GoToR|URI)\\b|evil\\.exe|calc\\.exe|app\\.alert|"
      "127\\.0\\.0\\.1");
  std::string qdf = testing::QdfText(pdf);
  std::vector<std::string> left;
  for (std::sregex_iterator it(qdf.begin(), qdf.end(), kActive), end; it != end; ++it)
    left.push_back(it->str());
  return left;
}

std::unique_ptr<PoDoFo::PdfMemDocument> Load(const std::string& pdf) {
  QuietPodofo();
  return std::move(OpenPdf({"cv.pdf", pdf}, HardLimits{}).doc);
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(ActiveContentFixture, CarriesEveryKindAsQpdfReadsIt) {
  std::vector<std::string> left = ActiveContentLeft(fixtures::ActiveContentPdf());
  for (const char* name : {"/JavaScript", "/OpenAction", "/AA", "/Launch", "/EmbeddedFiles",
                           "/FileAttachment", "/XFA", "/RichMedia", "/Screen", "/SubmitForm",
                           "/ImportData", "/GoToR", "/Hide", "/URI", "evil.exe", "calc.exe"})
    EXPECT_NE(std::find(left.begin(), left.end(), name), left.end()) << name;
}

TEST(RemoveActiveContent, RemovesEveryKindAndSaysWhich) {
  auto doc = Load(fixtures::ActiveContentPdf());
  EXPECT_EQ(RemoveActiveContent(*doc), kEveryKind);
  std::string out = WritePdf(*doc);
  EXPECT_EQ(ActiveContentLeft(out), std::vector<std::string>{});
  EXPECT_TRUE(testing::QpdfCheckPasses(out));
  EXPECT_TRUE(Has(testing::PdfText(out), "Camille MARTIN"));
}

// PoDoFo writes and merges every object it holds: what no longer hangs from
// the trailer must be gone too. PoDoFo writes dictionaries uncompressed and
// without object streams, so its bytes can be searched for them.
TEST(RemoveActiveContent, LeavesNoOrphanBehind) {
  auto doc = Load(fixtures::ActiveContentPdf());
  RemoveActiveContent(*doc);
  std::string out = WritePdf(*doc);
  for (const char* text : {"app.alert", "evil.exe", "calc.exe", "/XFA", "/URI", "exfil"})
    EXPECT_FALSE(Has(out, text)) << text;
}

TEST(RemoveActiveContent, KeepsLinksVisibleButInert) {
  auto doc = Load(fixtures::ActiveContentPdf());
  RemoveActiveContent(*doc);
  std::string qdf = testing::QdfText(WritePdf(*doc));
  std::ptrdiff_t links = 0;
  for (std::size_t at = qdf.find("/Subtype /Link"); at != std::string::npos;
       at = qdf.find("/Subtype /Link", at + 1))
    ++links;
  EXPECT_EQ(links, 5);  // SubmitForm, ImportData, GoToR, Hide and URI links, now inert
  EXPECT_FALSE(Has(qdf, "/A "));
}

// A page's open action (GoTo) chains to itself twice and to a script that
// chains back: followed path by path down to the depth cap, that is 3^64
// paths; each action must be walked once.
TEST(RemoveActiveContent, WalksALoopingActionChainOnce) {
  std::string pdf = fixtures::OnePageDrawingPdf(
      "0 0 m 100 20 l S", "/AA << /O 5 0 R >>",
      {"<< /S /GoTo /D [3 0 R /Fit] /Next [5 0 R 5 0 R 6 0 R] >>",
       "<< /S /JavaScript /JS (app.alert\\(1\\)) /Next [6 0 R 5 0 R] >>"});
  auto doc = Load(pdf);
  EXPECT_EQ(RemoveActiveContent(*doc), ActiveContentKinds{"javascript"});
  std::string qdf = testing::QdfText(WritePdf(*doc));
  EXPECT_FALSE(Has(qdf, "/JavaScript"));
  EXPECT_TRUE(Has(qdf, "/GoTo"));  // moving within the document is harmless
}

TEST(RemoveActiveContent, FindsNothingInAnOrdinaryPdf) {
  auto doc = Load(fixtures::BornDigitalPdf({{"Lettre de motivation"}}));
  EXPECT_TRUE(RemoveActiveContent(*doc).empty());
}

TEST(FindActiveContent, ListsWithoutTouching) {
  const std::string pdf = fixtures::ActiveContentPdf();
  auto doc = Load(pdf);
  std::string before = WritePdf(*doc);
  EXPECT_EQ(FindActiveContent(*doc), kEveryKind);
  EXPECT_EQ(WritePdf(*doc), before);
}

TEST(ProcessPiece, RemovesActiveContentAndReportsIt) {
  PieceOutcome outcome = ProcessPiece({{"cv.pdf", fixtures::ActiveContentPdf()}}, PieceRules{});
  ASSERT_TRUE(outcome.report.accepted) << outcome.report.message;
  EXPECT_EQ(outcome.report.active_content_removed, kEveryKind);
  EXPECT_TRUE(outcome.report.active_content_kept.empty());
  EXPECT_EQ(ActiveContentLeft(outcome.pdf), std::vector<std::string>{});
  EXPECT_TRUE(testing::QpdfCheckPasses(outcome.pdf));
  EXPECT_TRUE(Has(outcome.report.message, "retiré"));
  EXPECT_TRUE(Has(outcome.report.ToJson(),
                  "\"active_content_removed\":[\"embedded_file\",\"hide\",\"import_data\","
                  "\"javascript\",\"launch\",\"link\",\"remote_goto\",\"reset_form\","
                  "\"rich_media\",\"submit_form\",\"xfa\"],\"active_content_kept\":[]"));
}

TEST(ProcessPiece, RemovesActiveContentFromEveryMergedFile) {
  std::vector<InputFile> files = {{"lettre.pdf", fixtures::BornDigitalPdf({{"Lettre"}})},
                                  {"cv.pdf", fixtures::ActiveContentPdf()}};
  PieceOutcome outcome = ProcessPiece(files, PieceRules{});
  ASSERT_TRUE(outcome.report.accepted) << outcome.report.message;
  EXPECT_EQ(outcome.report.pages, 2);
  EXPECT_EQ(outcome.report.active_content_removed, kEveryKind);
  EXPECT_EQ(ActiveContentLeft(outcome.pdf), std::vector<std::string>{});
  for (const char* text : {"app.alert", "evil.exe", "calc.exe", "exfil"})
    EXPECT_FALSE(Has(outcome.pdf, text)) << text;
}

TEST(ProcessPiece, MakesAWebLinkInertAndSaysSoQuietly) {
  std::string pdf =
      fixtures::OnePageDrawingPdf("0 0 m 100 20 l S", "/Annots [5 0 R]",
                                  {"<< /Type /Annot /Subtype /Link /Rect [0 0 100 20] /A 6 0 R >>",
                                   "<< /S /URI /URI (https://example.org/portfolio) >>"});
  PieceOutcome outcome = ProcessPiece({{"cv.pdf", pdf}}, PieceRules{});
  ASSERT_TRUE(outcome.report.accepted) << outcome.report.message;
  EXPECT_EQ(outcome.report.active_content_removed, ActiveContentKinds{"link"});
  std::string qdf = testing::QdfText(outcome.pdf);
  EXPECT_TRUE(Has(qdf, "/Subtype /Link"));
  EXPECT_FALSE(Has(qdf, "example.org"));
  EXPECT_TRUE(Has(outcome.report.message, "liens du PDF ont été désactivés"));
  EXPECT_FALSE(Has(outcome.report.message, "scripts"));
}

TEST(ProcessPiece, ReportsAnEmptyListForAnOrdinaryPdf) {
  PieceOutcome outcome =
      ProcessPiece({{"lettre.pdf", fixtures::BornDigitalPdf({{"Lettre"}})}}, PieceRules{});
  ASSERT_TRUE(outcome.report.accepted);
  EXPECT_TRUE(
      Has(outcome.report.ToJson(), "\"active_content_removed\":[],\"active_content_kept\":[]"));
  EXPECT_FALSE(Has(outcome.report.message, "retiré"));
}

TEST(ProcessPiece, KeepsASignedPdfWithItsScriptsAndSaysSo) {
  const std::string signed_pdf = fixtures::SignedActiveContentPdf();
  PieceOutcome outcome = ProcessPiece({{"attestation.pdf", signed_pdf}}, PieceRules{});
  ASSERT_TRUE(outcome.report.accepted) << outcome.report.message;
  EXPECT_TRUE(outcome.report.kept_original);
  EXPECT_EQ(outcome.pdf, signed_pdf);
  EXPECT_EQ(outcome.report.active_content_kept, (ActiveContentKinds{"javascript", "reset_form"}));
  EXPECT_TRUE(outcome.report.active_content_removed.empty());
}

TEST(AssembleDossier, CarriesNoActiveContentOfAnyPiece) {
  DossierCover cover;
  cover.candidature_id = "cand-1";
  cover.formation = "Licence";
  cover.pieces = {{"Attestation", "Transmise", "", ""}, {"CV", "Transmise", "", ""}};
  std::string dossier =
      AssembleDossier(cover, {fixtures::SignedActiveContentPdf(), fixtures::ActiveContentPdf()});
  EXPECT_EQ(testing::PopplerPageCount(dossier), 3);
  EXPECT_EQ(ActiveContentLeft(dossier), std::vector<std::string>{});
  for (const char* text : {"app.alert", "evil.exe", "calc.exe", "exfil"})
    EXPECT_FALSE(Has(dossier, text)) << text;
}

// Two diagonals whose stream /Length claims 12 bytes more than it holds: a
// reader trusting it swallows `endstream` and what follows.
std::string LyingLengthPdf() {
  return fixtures::WithLyingStreamLength(
      fixtures::OnePageDrawingPdf("0 0 m 595 842 l S\n0 842 m 595 0 l S"), 12);
}

// As many `endstream` as streams: none was swallowed into a stream's data.
bool StreamsEndWhereTheySay(const std::string& pdf) {
  std::string qdf = testing::QdfText(pdf);
  auto count = [&](const std::string& word) {
    int n = 0;
    for (std::size_t at = qdf.find(word); at != std::string::npos; at = qdf.find(word, at + 1)) ++n;
    return n;
  };
  return count("\nstream\n") > 0 && count("\nstream\n") == count("endstream");
}

TEST(LyingStreamLength, IsSeenByQpdfAsNeedingRecovery) {
  EXPECT_TRUE(NeedsQpdfRecovery(LyingLengthPdf()));
  EXPECT_FALSE(testing::QpdfCheckPasses(LyingLengthPdf()));
  EXPECT_FALSE(NeedsQpdfRecovery(fixtures::BornDigitalPdf({{"Lettre"}})));
}

TEST(LyingStreamLength, IsRebuiltIntoAnOutputQpdfChecksWithoutWarning) {
  for (long delta : {12L, -6L}) {
    PieceOutcome outcome = ProcessPiece(
        {{"plan.pdf",
          fixtures::WithLyingStreamLength(
              fixtures::OnePageDrawingPdf("0 0 m 595 842 l S\n0 842 m 595 0 l S"), delta)}},
        PieceRules{});
    ASSERT_TRUE(outcome.report.accepted) << delta << ": " << outcome.report.message;
    EXPECT_TRUE(outcome.report.inputs.at(0).repaired) << delta;
    EXPECT_TRUE(testing::QpdfCheckPasses(outcome.pdf)) << delta;  // exit 0: not even a warning
    EXPECT_TRUE(StreamsEndWhereTheySay(outcome.pdf)) << delta;
  }
}

TEST(LyingStreamLength, InASignedPdfIsRebuiltNotKept) {
  const std::string pdf = fixtures::WithLyingStreamLength(fixtures::SignedPdf(), 12);
  ASSERT_FALSE(testing::QpdfCheckPasses(pdf));
  PieceOutcome outcome = ProcessPiece({{"attestation.pdf", pdf}}, PieceRules{});
  ASSERT_TRUE(outcome.report.accepted) << outcome.report.message;
  EXPECT_FALSE(outcome.report.kept_original);
  EXPECT_TRUE(outcome.report.signature_lost);
  EXPECT_TRUE(Has(outcome.report.message, "réparé"));
  EXPECT_TRUE(testing::QpdfCheckPasses(outcome.pdf));
}

TEST(LyingStreamLength, InAPieceIsRebuiltInTheDossier) {
  DossierCover cover;
  cover.candidature_id = "cand-1";
  cover.formation = "Licence";
  cover.pieces = {{"Plan", "Transmise", "", ""}};
  std::string dossier = AssembleDossier(cover, {LyingLengthPdf()});
  EXPECT_TRUE(testing::QpdfCheckPasses(dossier));
  EXPECT_TRUE(StreamsEndWhereTheySay(dossier));
}

}  // namespace
}  // namespace dossier
