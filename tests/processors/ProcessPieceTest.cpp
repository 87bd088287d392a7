#include <gtest/gtest.h>

#include "processors/pipeline/ProcessPiece.h"
#include "tests/fixtures/BornDigitalPdf.h"
#include "tests/fixtures/DocxLike.h"
#include "tests/fixtures/EncryptedPdf.h"
#include "tests/fixtures/HeicLike.h"
#include "tests/fixtures/PhonePhotoJpeg.h"
#include "tests/fixtures/PngScan.h"
#include "tests/fixtures/ScanJpeg.h"
#include "tests/fixtures/ScannedPdf.h"
#include "tests/fixtures/SignedPdf.h"
#include "tests/fixtures/Truncated.h"
#include "tests/support/Oracles.h"

namespace dossier {
namespace {

fixtures::TextPageSpec Scan(int dpi, double noise = 6) {
  fixtures::TextPageSpec spec;
  spec.lines = {"Bulletin trimestriel", "Mathématiques 15,5", "Physique-chimie 14"};
  spec.dpi = dpi;
  spec.grey = true;
  spec.noise_sigma = noise;
  return spec;
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(ProcessPiece, MergesFilesInUploadOrder) {
  std::vector<InputFile> files = {
      {"page1.pdf", fixtures::BornDigitalPdf({{"PREMIERE PAGE"}})},
      {"photo.jpg", fixtures::ScanJpeg(Scan(150), 80)},
      {"page3.pdf", fixtures::BornDigitalPdf({{"TROISIEME PAGE"}, {"QUATRIEME PAGE"}})}};
  PieceOutcome outcome = ProcessPiece(files, PieceRules{});
  ASSERT_TRUE(outcome.report.accepted) << outcome.report.message;
  EXPECT_EQ(outcome.report.pages, 4);
  EXPECT_EQ(testing::PopplerPageCount(outcome.pdf), 4);
  std::string text = testing::PdfText(outcome.pdf);
  std::size_t first = text.find("PREMIERE"), third = text.find("TROISIEME"),
              fourth = text.find("QUATRIEME");
  ASSERT_NE(first, std::string::npos);
  EXPECT_LT(first, third);
  EXPECT_LT(third, fourth);
  EXPECT_TRUE(testing::QpdfCheckPasses(outcome.pdf));
  EXPECT_TRUE(Has(outcome.report.message, "3 fichiers fusionnés"));
}

TEST(ProcessPiece, AcceptsAPngNamedLikeAPdf) {
  PieceOutcome outcome = ProcessPiece({{"scan.pdf", fixtures::PngScan({"Carte"})}}, PieceRules{});
  ASSERT_TRUE(outcome.report.accepted);
  EXPECT_EQ(outcome.report.inputs.at(0).kind, "png");
}

TEST(ProcessPiece, RefusesAWordDocumentByNameInFrench) {
  PieceOutcome outcome = ProcessPiece({{"cv.docx", fixtures::DocxLike()}}, PieceRules{});
  EXPECT_FALSE(outcome.report.accepted);
  EXPECT_EQ(outcome.report.reason, RefusalReason::Format);
  EXPECT_TRUE(Has(outcome.report.message, "« cv.docx »"));
  EXPECT_TRUE(Has(outcome.report.message, "Word"));
  EXPECT_TRUE(Has(outcome.report.message, "PDF"));
  EXPECT_TRUE(outcome.pdf.empty());
}

TEST(ProcessPiece, RefusesABrokenIphonePhotoAsDamaged) {
  PieceOutcome outcome = ProcessPiece({{"IMG_0042.HEIC", fixtures::HeicLike()}}, PieceRules{});
  EXPECT_EQ(outcome.report.reason, RefusalReason::Corrupt);
  EXPECT_TRUE(Has(outcome.report.message, "« IMG_0042.HEIC » est endommagée"))
      << outcome.report.message;
}

TEST(ProcessPiece, RefusesAnIphonePhotoWithAdviceWhereHeicIsNotTaken) {
  PieceRules classic;
  classic.formats = {"pdf", "jpeg", "png"};
  PieceOutcome outcome = ProcessPiece({{"IMG_0042.HEIC", fixtures::HeicLike()}}, classic);
  EXPECT_EQ(outcome.report.reason, RefusalReason::Format);
  EXPECT_TRUE(Has(outcome.report.message, "HEIC"));
  EXPECT_TRUE(Has(outcome.report.message, "compatible"));
}

TEST(ProcessPiece, NamesTheBadFileAmongGoodOnes) {
  std::vector<InputFile> files = {{"ok.pdf", fixtures::BornDigitalPdf({{"A"}})}, {"vide.jpg", ""}};
  PieceOutcome outcome = ProcessPiece(files, PieceRules{});
  EXPECT_EQ(outcome.report.reason, RefusalReason::Empty);
  EXPECT_TRUE(Has(outcome.report.message, "« vide.jpg »"));
}

TEST(ProcessPiece, RefusesATruncatedPhoto) {
  std::string photo = fixtures::ScanJpeg(Scan(150), 80);
  PieceOutcome outcome =
      ProcessPiece({{"photo.jpg", fixtures::Truncated(photo, 0.6)}}, PieceRules{});
  EXPECT_EQ(outcome.report.reason, RefusalReason::Corrupt);
  EXPECT_TRUE(Has(outcome.report.message, "incomplet"));
}

TEST(ProcessPiece, RefusesAFormatThePieceTypeDoesNotTake) {
  PieceRules pdf_only;
  pdf_only.formats = {"pdf"};
  PieceOutcome outcome = ProcessPiece({{"photo.jpg", fixtures::ScanJpeg(Scan(150), 80)}}, pdf_only);
  EXPECT_EQ(outcome.report.reason, RefusalReason::Format);
  EXPECT_TRUE(Has(outcome.report.message, "seul le format PDF est accepté"));
}

TEST(ProcessPiece, KeepsASignedPdfByteForByte) {
  std::string signed_pdf = fixtures::SignedPdf();
  PieceOutcome outcome = ProcessPiece({{"attestation.pdf", signed_pdf}}, PieceRules{});
  ASSERT_TRUE(outcome.report.accepted);
  EXPECT_TRUE(outcome.report.signed_pdf);
  EXPECT_TRUE(outcome.report.kept_original);
  EXPECT_EQ(outcome.pdf, signed_pdf);
  EXPECT_TRUE(Has(outcome.report.message, "signature"));
}

TEST(ProcessPiece, WarnsThatMergingLosesASignature) {
  std::vector<InputFile> files = {{"attestation.pdf", fixtures::SignedPdf()},
                                  {"annexe.pdf", fixtures::BornDigitalPdf({{"Annexe"}})}};
  PieceOutcome outcome = ProcessPiece(files, PieceRules{});
  ASSERT_TRUE(outcome.report.accepted);
  EXPECT_TRUE(outcome.report.signed_pdf);
  EXPECT_TRUE(outcome.report.signature_lost);
  EXPECT_FALSE(outcome.report.kept_original);
  EXPECT_TRUE(Has(outcome.report.message, "seul"));
}

TEST(ProcessPiece, RefusesASignedPdfOverTheLimitRatherThanBreakIt) {
  PieceRules tiny;
  tiny.max_bytes = 1000;
  PieceOutcome outcome = ProcessPiece({{"attestation.pdf", fixtures::SignedPdf()}}, tiny);
  EXPECT_EQ(outcome.report.reason, RefusalReason::Size);
  EXPECT_TRUE(Has(outcome.report.message, "signé"));
}

TEST(ProcessPiece, DecryptsATranscriptWithoutUserPassword) {
  PieceOutcome outcome =
      ProcessPiece({{"releve.pdf", fixtures::EncryptedPdf("", "owner")}}, PieceRules{});
  ASSERT_TRUE(outcome.report.accepted) << outcome.report.message;
  EXPECT_TRUE(outcome.report.inputs.at(0).decrypted);
  EXPECT_TRUE(testing::QpdfCheckPasses(outcome.pdf));
}

TEST(ProcessPiece, RefusesAPasswordProtectedPdfWithTheWayOut) {
  PieceOutcome outcome =
      ProcessPiece({{"releve.pdf", fixtures::EncryptedPdf("1234", "owner")}}, PieceRules{});
  EXPECT_EQ(outcome.report.reason, RefusalReason::Encrypted);
  EXPECT_TRUE(Has(outcome.report.message, "mot de passe"));
}

TEST(ProcessPiece, RefusesMorePagesThanThePieceTypeAllows) {
  PieceRules rules;
  rules.label = "CV";
  rules.max_pages = 2;
  PieceOutcome outcome =
      ProcessPiece({{"cv.pdf", fixtures::BornDigitalPdf({{"1"}, {"2"}, {"3"}})}}, rules);
  EXPECT_EQ(outcome.report.reason, RefusalReason::Pages);
  EXPECT_TRUE(Has(outcome.report.message, "3 pages"));
}

TEST(ProcessPiece, StepsDownTheLadderToFitATightLimit) {
  std::string photo = fixtures::PhonePhotoJpeg({"Bulletin du 1er trimestre"}, 1, 5);
  PieceRules rules;
  PieceOutcome loose = ProcessPiece({{"photo.jpg", photo}}, rules);
  ASSERT_TRUE(loose.report.accepted);
  ASSERT_EQ(loose.report.fit.rung, 0);
  rules.max_bytes = loose.report.output_bytes * 6 / 10;
  PieceOutcome tight = ProcessPiece({{"photo.jpg", photo}}, rules);
  ASSERT_TRUE(tight.report.accepted) << tight.report.message;
  EXPECT_GT(tight.report.fit.rung, 0);
  EXPECT_LE(tight.report.output_bytes, rules.max_bytes);
  EXPECT_EQ(tight.pdf.size(), tight.report.output_bytes);
  for (const auto& image : testing::PdfImagesList(tight.pdf)) EXPECT_GE(image.x_ppi, 149);
}

TEST(ProcessPiece, SaysHowFarOverWhenEvenTheFloorDoesNotFit) {
  PieceRules rules;
  rules.max_bytes = 20'000;
  PieceOutcome outcome = ProcessPiece({{"scan.jpg", fixtures::ScanJpeg(Scan(300, 20), 95)}}, rules);
  EXPECT_EQ(outcome.report.reason, RefusalReason::Size);
  EXPECT_TRUE(Has(outcome.report.message, "au-delà de la limite de 20 ko"));
  EXPECT_TRUE(Has(outcome.report.message, "de trop"));
  EXPECT_TRUE(Has(outcome.report.detail, "150 dpi"));
}

TEST(ProcessPiece, ReportsProgressAndHonoursCancellation) {
  struct Counting : PieceProgress {
    int steps = 0;
    void OnStep(const std::string&, int, int) override { ++steps; }
  } counting;
  std::vector<InputFile> files = {{"a.pdf", fixtures::BornDigitalPdf({{"A"}})},
                                  {"b.pdf", fixtures::BornDigitalPdf({{"B"}})}};
  ProcessPiece(files, PieceRules{}, HardLimits{}, &counting);
  EXPECT_EQ(counting.steps, 2);

  struct Stopped : PieceProgress {
    bool Cancelled() const override { return true; }
  } stopped;
  EXPECT_THROW(ProcessPiece(files, PieceRules{}, HardLimits{}, &stopped), PieceCancelled);
}

}  // namespace
}  // namespace dossier
