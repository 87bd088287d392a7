// The drawing budget: tiny PDFs that ask a renderer for hours are refused in
// well under a second, by the pass, the pipeline and `dossier process`,
// before anything renders them; real documents are measured far below the
// limits and pass unchanged; the counts multiply through forms as a renderer
// draws them.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <functional>
#include <vips/vips8>

#include "core/report/Refusal.h"
#include "processors/ine/PopplerPages.h"
#include "processors/pdf/DrawingBudget.h"
#include "processors/pdf/FirstPageThumbnail.h"
#include "processors/pdf/PdfOpen.h"
#include "processors/pdf/PdfWrite.h"
#include "processors/pipeline/ProcessPiece.h"
#include "tests/fixtures/BornDigitalPdf.h"
#include "tests/fixtures/EncryptedPdf.h"
#include "tests/fixtures/HostilePdf.h"
#include "tests/fixtures/ReferenceDossier.h"
#include "tests/fixtures/SampleTexts.h"
#include "tests/fixtures/ScannedPdf.h"
#include "tests/fixtures/SignedPdf.h"
#include "tests/support/Oracles.h"

namespace dossier {
namespace {

using Clock = std::chrono::steady_clock;

// Time is the point: a hostile file must cost seconds at most, not minutes.
constexpr double kMaxSeconds = 10;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The refusal CheckDrawingBudget throws for `pdf`, or a failure.
Refusal RefusalOf(const std::string& name, const std::string& pdf,
                  const HardLimits& limits = HardLimits{}) {
  try {
    DrawingMeasure measure = CheckDrawingBudget({name, pdf}, limits);
    ADD_FAILURE() << name << " passed: " << measure.busiest_page.operators << " operators";
  } catch (const Refusal& refusal) {
    return refusal;
  }
  return Refusal(RefusalReason::Corrupt, "", "");
}

// A form XObject object, as OnePageDrawingPdf's `more` takes it.
std::string Form(const std::string& content, const std::string& entries = "") {
  return "<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] " + entries + " /Length " +
         std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream";
}

struct HostileCase {
  std::string file;
  std::function<std::string()> make;
  std::string limit;  // the limit the context names
};

std::ostream& operator<<(std::ostream& out, const HostileCase& c) {
  return out << c.file;
}

class HostilePdf : public ::testing::TestWithParam<HostileCase> {};

TEST_P(HostilePdf, IsRefusedByTheBudgetPassInFrenchNamingTheLimit) {
  std::string pdf = GetParam().make();
  EXPECT_LT(pdf.size(), 5000u) << "a hostile file is tiny";
  Clock::time_point start = Clock::now();
  Refusal refusal = RefusalOf(GetParam().file, pdf);
  EXPECT_LT(SecondsSince(start), kMaxSeconds);
  EXPECT_EQ(refusal.reason(), RefusalReason::Limits);
  EXPECT_TRUE(Has(refusal.message_fr(), "« " + GetParam().file + " »")) << refusal.message_fr();
  EXPECT_TRUE(Has(refusal.message_fr(), "bien au-delà d'un document réel")) << refusal.message_fr();
  EXPECT_TRUE(Has(refusal.message_fr(), "puis déposez-le à nouveau")) << refusal.message_fr();
  EXPECT_TRUE(Has(refusal.context(), GetParam().file + ": page 1")) << refusal.context();
  EXPECT_TRUE(Has(refusal.context(), GetParam().limit)) << refusal.context();
}

TEST_P(HostilePdf, IsRefusedByThePipelineWithReasonLimits) {
  Clock::time_point start = Clock::now();
  PieceOutcome outcome = ProcessPiece({{GetParam().file, GetParam().make()}}, PieceRules{});
  EXPECT_LT(SecondsSince(start), kMaxSeconds);
  EXPECT_FALSE(outcome.report.accepted);
  EXPECT_EQ(outcome.report.reason, RefusalReason::Limits);
  EXPECT_TRUE(Has(outcome.report.message, GetParam().file)) << outcome.report.message;
  EXPECT_TRUE(Has(outcome.report.detail, GetParam().limit)) << outcome.report.detail;
  EXPECT_TRUE(outcome.pdf.empty());
}

TEST_P(HostilePdf, IsRefusedByTheCommandLineWithExitCode3) {
  testing::TempDir dir;
  std::string input = dir.Write(GetParam().file, GetParam().make());
  Clock::time_point start = Clock::now();
  testing::CommandResult run =
      testing::RunCommand("'" + testing::BuiltBinary("dossier") + "' process --check-ine -o '" +
                          dir.path() + "/OUT.pdf' '" + input + "' 2>/dev/null");
  EXPECT_LT(SecondsSince(start), kMaxSeconds);
  EXPECT_EQ(run.exit_code, 3) << run.out;
  EXPECT_TRUE(Has(run.out, "\"reason\":\"limits\"")) << run.out;
  EXPECT_TRUE(Has(run.out, GetParam().limit)) << run.out;
  EXPECT_FALSE(std::filesystem::exists(dir.path() + "/OUT.pdf"));
}

INSTANTIATE_TEST_SUITE_P(
    Fixtures, HostilePdf,
    ::testing::Values(
        HostileCase{"image.pdf", [] { return fixtures::HugeDeclaredImagePdf(); },
                    "max_image_pixels"},
        HostileCase{"formulaires.pdf", [] { return fixtures::NestedFormsPdf(); }, "max_form_draws"},
        HostileCase{"operations.pdf", [] { return fixtures::OperatorFloodPdf(); },
                    "max_page_operators"},
        HostileCase{"affiche.pdf", [] { return fixtures::GiantPagePdf(); }, "max_page_pixels"}),
    [](const ::testing::TestParamInfo<HostileCase>& info) {
      std::string name = info.param.file.substr(0, info.param.file.find('.'));
      return name;
    });

TEST(DrawingBudget, AFormDrawnThreeTimesCountsItsOperatorsThreeTimes) {
  // The page: 3 × "q 1 0 0 1 i 0 cm /F Do Q" (12 operators); the form:
  // "0 0 m 100 100 l S" (3 operators).
  DrawingMeasure measure = CheckDrawingBudget({"f.pdf", fixtures::NestedFormsPdf(1, 3)}, {});
  ASSERT_TRUE(measure.measured);
  EXPECT_EQ(measure.pages, 1);
  EXPECT_EQ(measure.document.operators, 12u + 3 * 3);
  EXPECT_EQ(measure.document.form_draws, 3u);
  EXPECT_EQ(measure.document.form_depth, 1);
}

TEST(DrawingBudget, NestedFormsMultiplyAndEachStreamIsDecodedOnce) {
  // Page and forms 1, 2 draw the next 4 times (16 operators each); form 3
  // strokes (3): 16 + 4·(16 + 4·(16 + 4·3)) = 528.
  DrawingMeasure measure = CheckDrawingBudget({"f.pdf", fixtures::NestedFormsPdf(3, 4)}, {});
  EXPECT_EQ(measure.document.operators, 528u);
  EXPECT_EQ(measure.document.form_draws, 4u + 16 + 64);
  EXPECT_EQ(measure.document.form_depth, 3);
  // Forms drawn 84 times in all, each of the four streams decoded once.
  EXPECT_GT(measure.document.content_bytes, 8 * measure.decoded_bytes);
  EXPECT_LT(measure.decoded_bytes, 400u);
}

TEST(DrawingBudget, NestingPastTheDepthLimitIsRefusedEvenWithoutFanOut) {
  HardLimits limits;
  EXPECT_NO_THROW(
      CheckDrawingBudget({"f.pdf", fixtures::NestedFormsPdf(limits.max_form_depth, 1)}, limits));
  Refusal refusal = RefusalOf("f.pdf", fixtures::NestedFormsPdf(40, 1), limits);
  EXPECT_EQ(refusal.reason(), RefusalReason::Limits);
  EXPECT_TRUE(Has(refusal.context(), "max_form_depth")) << refusal.context();
  EXPECT_TRUE(Has(refusal.message_fr(), "sur plus de 12 niveaux")) << refusal.message_fr();
}

TEST(DrawingBudget, AFormThatDrawsItselfIsRefused) {
  std::string pdf =
      fixtures::OnePageDrawingPdf("/F Do", "/Resources << /XObject << /F 5 0 R >> >>",
                                  {Form("q /F Do Q", "/Resources << /XObject << /F 5 0 R >> >>")});
  Refusal refusal = RefusalOf("boucle.pdf", pdf);
  EXPECT_TRUE(Has(refusal.context(), "object 5 0: form XObject draws itself")) << refusal.context();
}

TEST(DrawingBudget, AFormWithoutResourcesUsesItsCallersAndIsMeasuredPerCaller) {
  // Form 5 draws /I without resources of its own: the page's /I, an image.
  std::string pdf = fixtures::OnePageDrawingPdf(
      "/F Do /F Do", "/Resources << /XObject << /F 5 0 R /I 6 0 R >> >>",
      {Form("/I Do"),
       "<< /Type /XObject /Subtype /Image /Width 1000 /Height 2000 /BitsPerComponent 8 "
       "/ColorSpace /DeviceGray /Length 0 >>\nstream\n\nendstream"});
  DrawingMeasure measure = CheckDrawingBudget({"f.pdf", pdf}, {});
  EXPECT_EQ(measure.document.image_pixels, 2u * 1000 * 2000);
  EXPECT_EQ(measure.largest_image_pixels, 1000u * 2000);
  EXPECT_EQ(measure.document.operators, 4u);
}

TEST(DrawingBudget, AnnotationAppearancesAreDrawnWithThePage) {
  std::string pdf = fixtures::OnePageDrawingPdf(
      "0 0 m 1 1 l S", "/Annots [5 0 R]",
      {"<< /Type /Annot /Subtype /Stamp /Rect [0 0 10 10] /AP << /N 6 0 R >> >>",
       Form("/F Do /F Do", "/Resources << /XObject << /F 7 0 R >> >>"), Form("q Q q Q")});
  DrawingMeasure measure = CheckDrawingBudget({"f.pdf", pdf}, {});
  EXPECT_EQ(measure.document.operators, 3u + 2 + 2 * 4);
  EXPECT_EQ(measure.document.form_draws, 3u);
}

TEST(DrawingBudget, AnInlineImageCountsItsDeclaredSize) {
  std::string pdf = fixtures::OnePageDrawingPdf(
      "q 100 0 0 100 0 0 cm BI /W 100000 /H 100000 /BPC 8 /CS /G ID abc EI Q");
  Refusal refusal = RefusalOf("inline.pdf", pdf);
  EXPECT_TRUE(Has(refusal.message_fr(), "une image déclarée de 10 000 mégapixels"))
      << refusal.message_fr();
  EXPECT_TRUE(Has(refusal.context(), "inline image")) << refusal.context();
}

TEST(DrawingBudget, ImagePixelsDrawnOnAPageAreCountedPerPage) {
  fixtures::TextPageSpec spec;
  spec.lines = {"Relevé de notes"};
  spec.dpi = 150;
  spec.grey = true;
  std::string scan = fixtures::ScannedPdf(spec, 80);
  HardLimits limits;
  limits.max_page_image_pixels = 1'000'000;  // the scan is 1240 × 1754
  Refusal refusal = RefusalOf("scan.pdf", scan, limits);
  EXPECT_TRUE(Has(refusal.context(), "max_page_image_pixels")) << refusal.context();
  EXPECT_TRUE(Has(refusal.message_fr(), "dessine plus de 1 mégapixels")) << refusal.message_fr();
}

TEST(DrawingBudget, PageAndDocumentOperatorLimitsApplySeparately) {
  std::string pdf = fixtures::BornDigitalPdf({{"Un"}, {"Deux"}, {"Trois"}});
  DrawingMeasure measure = CheckDrawingBudget({"cv.pdf", pdf}, {});
  ASSERT_EQ(measure.pages, 3);
  HardLimits page_limit;
  page_limit.max_page_operators = measure.busiest_page.operators - 1;
  EXPECT_TRUE(Has(RefusalOf("cv.pdf", pdf, page_limit).context(), "max_page_operators"));
  HardLimits file_limit;
  file_limit.max_document_operators = measure.document.operators - 1;
  Refusal refusal = RefusalOf("cv.pdf", pdf, file_limit);
  EXPECT_TRUE(Has(refusal.context(), "cv.pdf: page 3")) << refusal.context();
  EXPECT_TRUE(Has(refusal.context(), "max_document_operators")) << refusal.context();
  EXPECT_TRUE(Has(refusal.message_fr(), "Le fichier « cv.pdf » demande plus de"))
      << refusal.message_fr();
}

TEST(DrawingBudget, DecodingStopsAtTheContentByteCap) {
  HardLimits limits;
  limits.max_page_operators = 1'000'000'000;  // let the bytes trip first
  limits.max_content_bytes = 1'000'000;
  Refusal refusal = RefusalOf("operations.pdf", fixtures::OperatorFloodPdf(), limits);
  EXPECT_TRUE(Has(refusal.context(), "decode stopped")) << refusal.context();
  EXPECT_TRUE(Has(refusal.message_fr(), "plus de 1,0 Mo de dessin une fois décompressé"))
      << refusal.message_fr();
}

TEST(DrawingBudget, UserUnitScalesThePage) {
  OpenedPdf opened = OpenPdf({"a.pdf", fixtures::BornDigitalPdf({{"Affiche"}})}, HardLimits{});
  opened.doc->GetPage(0)->GetObject()->GetDictionary().AddKey("UserUnit",
                                                              PoDoFo::PdfVariant(500.0));
  Refusal refusal = RefusalOf("affiche.pdf", WritePdf(*opened.doc));
  EXPECT_TRUE(
      Has(refusal.message_fr(), "La page 1 du fichier « affiche.pdf » mesure 105,0 × 148,5 mètres"))
      << refusal.message_fr();
}

TEST(DrawingBudget, AFileQpdfCannotOpenIsLeftToOpenPdf) {
  DrawingMeasure measure =
      CheckDrawingBudget({"secret.pdf", fixtures::EncryptedPdf("secret", "owner")}, {});
  EXPECT_FALSE(measure.measured);
  PieceOutcome outcome =
      ProcessPiece({{"secret.pdf", fixtures::EncryptedPdf("secret", "owner")}}, PieceRules{});
  EXPECT_EQ(outcome.report.reason, RefusalReason::Encrypted);
}

TEST(DrawingBudget, AFileHiddenFromQpdfIsMeasuredAsPoDoFoOpensIt) {
  std::string hidden = fixtures::HiddenFromQpdf(fixtures::HugeDeclaredImagePdf());
  ASSERT_FALSE(CheckDrawingBudget({"image.pdf", hidden}, {}).measured);
  PieceOutcome outcome = ProcessPiece({{"image.pdf", hidden}}, PieceRules{});
  EXPECT_EQ(outcome.report.reason, RefusalReason::Limits) << outcome.report.detail;
  EXPECT_TRUE(Has(outcome.report.detail, "max_image_pixels")) << outcome.report.detail;
  // The same shape around a real document is still accepted.
  PieceOutcome cv = ProcessPiece(
      {{"cv.pdf", fixtures::HiddenFromQpdf(fixtures::BornDigitalPdf(fixtures::CvPages()))}},
      PieceRules{});
  EXPECT_TRUE(cv.report.accepted) << cv.report.message << cv.report.detail;
}

// Real documents, measured: far below every limit, so the defaults leave
// room for documents much heavier than these.
TEST(DrawingBudget, RealDocumentsAreFarBelowTheLimits) {
  std::vector<std::vector<std::string>> thesis;
  for (int page = 0; page < 200; ++page)
    for (const auto& cv_page : fixtures::CvPages()) thesis.push_back(cv_page);
  const std::vector<InputFile> documents = {
      {"cv.pdf", fixtures::BornDigitalPdf(fixtures::CvPages())},
      {"lettre.pdf", fixtures::BornDigitalPdf({fixtures::LettreMotivationLines()})},
      {"releve_600dpi.pdf",
       fixtures::ScannedPdf(fixtures::ReleveBacScanSpec(), fixtures::kReleveBacJpegQuality)},
      {"signe.pdf", fixtures::SignedPdf()},
      {"protege.pdf", fixtures::EncryptedPdf("", "owner")},
      {"these.pdf", fixtures::BornDigitalPdf(thesis)}};
  HardLimits limits;
  for (const InputFile& file : documents) {
    DrawingMeasure measure = CheckDrawingBudget(file, limits);
    EXPECT_TRUE(measure.measured) << file.name;
    EXPECT_LT(measure.busiest_page.operators * 100, limits.max_page_operators) << file.name;
    EXPECT_LT(measure.document.operators * 100, limits.max_document_operators) << file.name;
    EXPECT_LT(measure.document.content_bytes * 100, limits.max_content_bytes) << file.name;
    EXPECT_LE(measure.document.form_depth, 1) << file.name;
    EXPECT_LT(measure.largest_image_pixels * 4, limits.max_image_pixels) << file.name;
    EXPECT_LT(measure.busiest_page.image_pixels * 16, limits.max_page_image_pixels) << file.name;
    ::testing::Test::RecordProperty(file.name,
                                    std::to_string(measure.document.operators) + " operators, " +
                                        std::to_string(measure.largest_image_pixels) + " px");
  }
  EXPECT_EQ(CheckDrawingBudget(documents.back(), limits).pages, 400);
}

TEST(DrawingBudget, ThePipelineStillAcceptsRealDocumentsUnchanged) {
  std::string cv = fixtures::BornDigitalPdf(fixtures::CvPages());
  PieceOutcome outcome = ProcessPiece({{"cv.pdf", cv}}, PieceRules{});
  ASSERT_TRUE(outcome.report.accepted) << outcome.report.message;
  EXPECT_EQ(outcome.report.pages, 2);
  EXPECT_TRUE(Has(testing::PdfText(outcome.pdf), testing::PdfText(cv).substr(0, 40)));
}

TEST(RenderBudget, TheThumbnailRefusesAGiantPage) {
  Clock::time_point start = Clock::now();
  try {
    FirstPageThumbnailJpeg(fixtures::GiantPagePdf());
    FAIL() << "rendered";
  } catch (const Refusal& refusal) {
    EXPECT_EQ(refusal.reason(), RefusalReason::Limits);
    EXPECT_TRUE(Has(refusal.context(), "max_page_pixels")) << refusal.context();
  }
  EXPECT_LT(SecondsSince(start), 1.0);
}

TEST(RenderBudget, TheThumbnailLowersItsOversamplingToStayWithinTheRenderLimit) {
  HardLimits limits;
  limits.max_render_pixels = 100'000;  // the usual 2× render of A4 is 720 × 1018
  std::string jpeg = FirstPageThumbnailJpeg(fixtures::BornDigitalPdf({{"Lettre"}}), 360, limits);
  vips::VImage image = vips::VImage::new_from_buffer(jpeg.data(), jpeg.size(), "");
  EXPECT_EQ(image.width(), 360);
}

TEST(RenderBudget, TheOcrRenderRefusesAGiantPage) {
  PopplerPages pages(fixtures::GiantPagePdf());
  EXPECT_LT(pages.RenderableDpi(0, 300), 10);  // 208 334 pixels square at 150 dpi
  try {
    pages.Render(0, pages.RenderableDpi(0, 300));
    FAIL() << "rendered";
  } catch (const Refusal& refusal) {
    EXPECT_EQ(refusal.reason(), RefusalReason::Limits);
    EXPECT_TRUE(Has(refusal.message_fr(), "mesure 35,3 × 35,3 mètres")) << refusal.message_fr();
  }
}

TEST(RenderBudget, TheOcrRenderIsLoweredToTheRenderLimitAndRefusedAboveIt) {
  HardLimits limits;
  limits.max_render_pixels = 1'000'000;  // A4 at 300 dpi is 8.7 Mpx
  PopplerPages pages(fixtures::BornDigitalPdf({{"Relevé"}}), limits);
  double dpi = pages.RenderableDpi(0, 300);
  EXPECT_NEAR(dpi, 300 * std::sqrt(1e6 / (595.0 / 72 * 300 * (842.0 / 72 * 300))), 1);
  vips::VImage page = pages.Render(0, dpi);
  EXPECT_LE(static_cast<double>(page.width()) * page.height(), 1'000'000 * 1.01);
  EXPECT_THROW(pages.Render(0, 300), Refusal);
}

}  // namespace
}  // namespace dossier
