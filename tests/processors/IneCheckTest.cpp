// The INE check end to end: generated documents through the whole pipeline,
// the verdict read on the output the gestionnaire will see.
#include <gtest/gtest.h>

#include <random>
#include <vips/vips8>

#include "core/ine/IneNumber.h"
#include "processors/ine/IneReader.h"
#include "processors/pipeline/ProcessPiece.h"
#include "tests/fixtures/BornDigitalPdf.h"
#include "tests/fixtures/IneDocument.h"
#include "tests/fixtures/PhonePhotoJpeg.h"
#include "tests/fixtures/SampleTexts.h"
#include "tests/fixtures/ScanJpeg.h"
#include "tests/fixtures/ScannedPdf.h"
#include "tests/fixtures/TextPage.h"
#include "workflow/policy/PiecePolicy.h"

namespace dossier {
namespace {

const std::string kBea = "1234567890V";

fixtures::TextPageSpec Releve(const std::string& ine, int dpi) {
  fixtures::TextPageSpec spec;
  spec.lines = fixtures::ReleveNotesBacLines(ine);
  spec.dpi = dpi;
  spec.grey = true;
  spec.noise_sigma = 6;
  spec.skew_degrees = 0.6;
  spec.bold_lines = 1;
  return spec;
}

class IneCheckTest : public ::testing::Test {
 protected:
  IneReport Check(const std::string& name, const std::string& bytes, const std::string& declared) {
    PieceRules rules = PiecePolicy::BuiltIn().RulesFor("releve_bac");
    rules.declared_ine = declared;
    PieceOutcome outcome = ProcessPiece({{name, bytes}}, rules, HardLimits{}, nullptr, &reader_);
    EXPECT_TRUE(outcome.report.accepted) << outcome.report.message;
    message_ = outcome.report.message;
    return outcome.report.ine;
  }
  std::string message_;
  static IneReader reader_;  // one per process, as one per worker thread
};
IneReader IneCheckTest::reader_;

TEST_F(IneCheckTest, ReadsTheTextLayerOfABornDigitalTranscriptWithoutOcr) {
  IneReport ine =
      Check("releve.pdf", fixtures::BornDigitalPdf({fixtures::ReleveNotesBacLines(kBea)}), kBea);
  EXPECT_EQ(ine.verdict, "conforme");
  EXPECT_EQ(ine.source, "text");
  EXPECT_EQ(ine.value, kBea);
  EXPECT_EQ(ine.variant, "bea");
  EXPECT_NE(message_.find("INE vérifié"), std::string::npos);
}

TEST_F(IneCheckTest, ReadsA300DpiScan) {
  IneReport ine = Check("releve.pdf", fixtures::ScannedPdf(Releve(kBea, 300), 85), kBea);
  EXPECT_EQ(ine.verdict, "conforme");
  EXPECT_EQ(ine.source, "ocr");
  EXPECT_EQ(ine.page, 1);
  EXPECT_GT(ine.confidence, 0.7);
}

TEST_F(IneCheckTest, ReadsA600DpiScanAfterItIsDownsampled) {
  IneReport ine = Check("releve.pdf", fixtures::ScannedPdf(Releve(kBea, 600), 90), kBea);
  EXPECT_EQ(ine.verdict, "conforme");
  EXPECT_EQ(ine.value, kBea);
}

TEST_F(IneCheckTest, ReadsAPhonePhoto) {
  IneReport ine = Check("IMG_2041.jpg",
                        fixtures::PhonePhotoJpeg(fixtures::ReleveNotesBacLines(kBea), 1, 7), kBea);
  EXPECT_EQ(ine.verdict, "conforme");
}

TEST_F(IneCheckTest, ReadsAPhonePhotoTakenSideways) {
  IneReport ine = Check("IMG_2042.jpg",
                        fixtures::PhonePhotoJpeg(fixtures::ReleveNotesBacLines(kBea), 6, 8), kBea);
  EXPECT_EQ(ine.verdict, "conforme");
}

TEST_F(IneCheckTest, SaysDifferentWhenTheDeclaredIneDiffersByOneDigit) {
  IneReport ine = Check("releve.pdf", fixtures::ScannedPdf(Releve(kBea, 300), 85), "1234567891V");
  EXPECT_EQ(ine.verdict, "different");
  EXPECT_EQ(ine.value, kBea);
  EXPECT_NE(message_.find("ne correspond pas"), std::string::npos);
}

TEST_F(IneCheckTest, SaysNonVerifieWithTheValueWhenNothingIsDeclared) {
  IneReport ine = Check("releve.pdf", fixtures::ScannedPdf(Releve(kBea, 300), 85), "");
  EXPECT_EQ(ine.verdict, "non_verifie");
  EXPECT_EQ(ine.value, kBea);
}

class IneVariantTest : public IneCheckTest, public ::testing::WithParamInterface<std::string> {};

TEST_P(IneVariantTest, ReadsEachVariantOnAScan) {
  std::string ine = GetParam();
  ASSERT_TRUE(ValidateIne(ine).valid);
  IneReport report = Check("releve.pdf", fixtures::ScannedPdf(Releve(ine, 300), 85), ine);
  EXPECT_EQ(report.verdict, "conforme") << report.value;
  EXPECT_EQ(report.variant, IneVariantCode(*ValidateIne(ine).variant));
}

INSTANTIATE_TEST_SUITE_P(Variants, IneVariantTest,
                         ::testing::Values("123456789AB",   // RNIE / INES
                                           "0123456789M",   // BEA
                                           "A2B4C6D8E00",   // base 36
                                           "1234A12345K"),  // apprenti
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           return std::string(IneVariantCode(*ValidateIne(info.param).variant));
                         });

class IneRotationTest : public IneCheckTest, public ::testing::WithParamInterface<int> {};

TEST_P(IneRotationTest, ReadsAPageScannedTurned) {
  fixtures::TextPageSpec spec = Releve(kBea, 300);
  vips::VImage page = fixtures::RenderTextPage(spec);
  VipsAngle angle = GetParam() == 90    ? VIPS_ANGLE_D90
                    : GetParam() == 180 ? VIPS_ANGLE_D180
                                        : VIPS_ANGLE_D270;
  std::string jpeg = fixtures::ScanJpegOfPage(page.rot(angle), 85);
  IneReport ine = Check("scan.jpg", jpeg, kBea);
  EXPECT_EQ(ine.verdict, "conforme");
}

INSTANTIATE_TEST_SUITE_P(Quarters, IneRotationTest, ::testing::Values(90, 180, 270));

TEST_F(IneCheckTest, ReadsAPageSkewedByThreeDegrees) {
  fixtures::TextPageSpec spec = Releve(kBea, 300);
  spec.skew_degrees = 3;
  EXPECT_EQ(Check("releve.pdf", fixtures::ScannedPdf(spec, 85), kBea).verdict, "conforme");
}

// Copies a person could not read must be `illisible`, never `conforme`.
TEST_F(IneCheckTest, FlagsABlurredCopyIllisible) {
  fixtures::TextPageSpec spec = Releve(kBea, 300);
  spec.blur_sigma = 7;
  IneReport ine = Check("releve.pdf", fixtures::ScannedPdf(spec, 85), kBea);
  EXPECT_NE(ine.verdict, "conforme");
  EXPECT_EQ(ine.verdict, "illisible");
}

TEST_F(IneCheckTest, FlagsAFadedCopyIllisible) {
  fixtures::TextPageSpec spec = Releve(kBea, 300);
  spec.contrast = 0.06;
  spec.noise_sigma = 10;
  IneReport ine = Check("releve.pdf", fixtures::ScannedPdf(spec, 85), kBea);
  EXPECT_NE(ine.verdict, "conforme");
  EXPECT_TRUE(ine.verdict == "illisible" || ine.verdict == "absent") << ine.verdict;
}

TEST_F(IneCheckTest, FlagsA100DpiScanIllisible) {
  // A 100-dpi scan of a faded photocopy in small print, saved at low quality.
  fixtures::TextPageSpec spec = Releve(kBea, 100);
  spec.noise_sigma = 16;
  spec.font_points = 7;
  spec.blur_sigma = 1.0;
  spec.contrast = 0.45;
  IneReport ine = Check("releve.jpg", fixtures::ScanJpeg(spec, 25), kBea);
  EXPECT_NE(ine.verdict, "conforme");
  EXPECT_EQ(ine.verdict, "illisible");
}

TEST_F(IneCheckTest, SaysAbsentWhenTheDocumentHasNoIne) {
  fixtures::TextPageSpec spec = Releve(kBea, 300);
  spec.lines = fixtures::BulletinTrimestrielLines(1);
  IneReport ine = Check("bulletin.pdf", fixtures::ScannedPdf(spec, 85), kBea);
  EXPECT_EQ(ine.verdict, "absent");
  EXPECT_NE(message_.find("aucun INE"), std::string::npos);
}

}  // namespace
}  // namespace dossier

namespace dossier {
namespace {

// Small print that 150 dpi blurs away: the pipeline must not compress the
// INE into illegibility when 300 dpi still fits the limit.
TEST_F(IneCheckTest, KeepsTheResolutionTheIneNeedsWhenItFits) {
  fixtures::TextPageSpec spec = Releve(kBea, 300);
  spec.font_points = 3.5;
  spec.noise_sigma = 3;
  PieceRules rules = PiecePolicy::BuiltIn().RulesFor("releve_bac");
  rules.declared_ine = kBea;
  PieceOutcome outcome = ProcessPiece({{"releve.pdf", fixtures::ScannedPdf(spec, 85)}}, rules,
                                      HardLimits{}, nullptr, &reader_);
  ASSERT_TRUE(outcome.report.accepted) << outcome.report.message;
  EXPECT_EQ(outcome.report.ine.verdict, "conforme") << outcome.report.detail;
  EXPECT_EQ(outcome.report.fit.dpi, 300);
  EXPECT_LE(outcome.pdf.size(), rules.max_bytes);
}

}  // namespace
}  // namespace dossier

namespace dossier {
namespace {

fixtures::TextPageSpec Document(const std::string& ine, fixtures::IneLabel label) {
  fixtures::IneDocumentSpec document;
  document.ine = ine;
  document.label = label;
  document.seed = 5;
  fixtures::TextPageSpec spec = fixtures::IneDocumentPage(document);
  spec.grey = true;
  spec.noise_sigma = 3;
  return spec;
}

TEST_F(IneCheckTest, FindsAnIneWithoutLabelByItsShape) {
  const std::string ine = "A2B4C6D8E00";
  fixtures::TextPageSpec spec = Document(ine, fixtures::IneLabel::kNoLabel);
  IneReport text = Check("releve.pdf", fixtures::BornDigitalPdf({spec.lines}), ine);
  EXPECT_EQ(text.verdict, "conforme");
  EXPECT_EQ(text.source, "text");
  IneReport scan = Check("releve.pdf", fixtures::ScannedPdf(spec, 85), ine);
  EXPECT_EQ(scan.verdict, "conforme");
  EXPECT_EQ(scan.value, ine);
}

TEST_F(IneCheckTest, TakesNoFileNumberOrPhoneForAnIne) {
  // The page's 11-digit file number may pass a base-36 key; without a
  // label and without a letter, it is not an INE.
  fixtures::TextPageSpec spec = Document("A2B4C6D8E00", fixtures::IneLabel::kNoIne);
  EXPECT_EQ(Check("releve.pdf", fixtures::BornDigitalPdf({spec.lines}), "A2B4C6D8E00").verdict,
            "absent");
  EXPECT_EQ(Check("releve.pdf", fixtures::ScannedPdf(spec, 85), "A2B4C6D8E00").verdict, "absent");
}

TEST_F(IneCheckTest, ReadsABase36MadeOfLookalikesUnderEachNewLabel) {
  // Letters O, I, Z, S, B, G in the body: the key and the declared INE
  // settle what OCR cannot tell from digits.
  const std::string ten = "OI2SBG0Z5Q";
  const std::string ine = ten + Base36Key(ten);
  for (fixtures::IneLabel label :
       {fixtures::IneLabel::kIdentifiantEleve, fixtures::IneLabel::kTableHeader,
        fixtures::IneLabel::kIdentifiantAbove}) {
    fixtures::TextPageSpec spec = Document(ine, label);
    IneReport report = Check("releve.pdf", fixtures::ScannedPdf(spec, 85), ine);
    EXPECT_EQ(report.verdict, "conforme") << fixtures::IneLabelCode(label) << " " << report.value;
  }
}

TEST_F(IneCheckTest, ReadsAnIneWithoutLabelOnAPageScannedUpsideDown) {
  // No label, and no layout box of the turned page holding the number:
  // turned upright, the page is read whole as an upright one is.
  const std::string ine = "6ZWXCDU8TC0";
  fixtures::IneDocumentSpec document;
  document.ine = ine;
  document.label = fixtures::IneLabel::kNoLabel;
  document.font = "Liberation Serif";
  document.font_points = 10.5;
  document.seed = 3563346330u;
  fixtures::TextPageSpec page = fixtures::IneDocumentPage(document);
  page.seed = 1598200709u;
  page.grey = true;
  page.dpi = 300;
  page.noise_sigma = 2.4676723373122513;
  page.skew_degrees = -0.13716772547923028;
  vips::VImage turned = fixtures::RenderTextPage(page).rot(VIPS_ANGLE_D180);
  IneReport report = Check("releve.jpg", fixtures::ScanJpegOfPage(turned, 85), ine);
  EXPECT_EQ(report.verdict, "conforme");
  EXPECT_EQ(report.value, ine);
}

TEST_F(IneCheckTest, ReadsAnIneOnASheetPhotographedTilted) {
  // Whole sheets, tilted 3–4° on the table: the layout's line boxes cut
  // through the INE's line (labelled, or beside the name), which only
  // Tesseract's reading of the whole page, along each baseline, finds.
  struct Photographed {
    std::string ine;
    fixtures::IneLabel label;
    std::string font;
    unsigned document_seed, scan_seed, photo_seed;
    int exif;
  };
  for (const Photographed& shot :
       {Photographed{"885521263GE", fixtures::IneLabel::kNoLabel, "Liberation Mono", 3936736597u,
                     3432819814u, 2667261442u, 6},
        Photographed{"498272003FK", fixtures::IneLabel::kIdentifiantEtudiant, "DejaVu Sans Mono",
                     767476871u, 2792935860u, 935655155u, 1}}) {
    fixtures::IneDocumentSpec document;
    document.ine = shot.ine;
    document.label = shot.label;
    document.font = shot.font;
    document.font_points = 11.5;
    document.seed = shot.document_seed;
    fixtures::TextPageSpec page = fixtures::IneDocumentPage(document);
    page.seed = shot.scan_seed;
    page.grey = true;
    fixtures::PhonePhotoSpec photo;
    photo.exif_orientation = shot.exif;
    photo.seed = shot.photo_seed;
    IneReport ine = Check("photo.jpg", fixtures::PhonePhotoOfPage(page, photo), shot.ine);
    EXPECT_EQ(ine.verdict, "conforme") << shot.ine;
    EXPECT_EQ(ine.value, shot.ine);
  }
}

}  // namespace
}  // namespace dossier
