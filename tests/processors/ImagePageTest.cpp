#include <gtest/gtest.h>

#include "core/report/Refusal.h"
#include "processors/image/ImagePage.h"
#include "processors/pdf/PdfWrite.h"
#include "tests/fixtures/PhonePhotoJpeg.h"
#include "tests/fixtures/ScanJpeg.h"
#include "tests/fixtures/ScanPng.h"
#include "tests/fixtures/TextPage.h"
#include "tests/support/Oracles.h"

namespace dossier {
namespace {

using fixtures::TextPageSpec;
using testing::PdfImagesList;

TextPageSpec Page(int dpi, bool grey = true) {
  TextPageSpec spec;
  spec.lines = {"Académie de Toulouse", "Relevé de notes du baccalauréat", "N° INE : 1234567890V"};
  spec.dpi = dpi;
  spec.grey = grey;
  spec.noise_sigma = 4;
  return spec;
}

struct Built {
  ImageStat stat;
  std::string pdf;
  PoDoFo::PdfRect page;
};

Built Build(const std::string& bytes, FileKind kind, ImageTarget target = {}) {
  PoDoFo::PdfMemDocument doc;
  Built built;
  built.stat = AddImagePage(doc, {"scan", bytes}, kind, target, HardLimits{});
  built.page = doc.GetPage(0)->GetMediaBox();
  built.pdf = WritePdf(doc);
  return built;
}

TEST(AddImagePage, EmbedsAJpegWithinTheTargetByteForByte) {
  std::string jpeg = fixtures::ScanJpeg(Page(150), 80);
  Built built = Build(jpeg, FileKind::Jpeg);
  EXPECT_EQ(built.stat.action, "embedded");
  EXPECT_EQ(built.stat.bytes_after, jpeg.size());
  // The JPEG's bytes stand unchanged inside the PDF.
  EXPECT_NE(built.pdf.find(jpeg), std::string::npos);
  auto images = PdfImagesList(built.pdf);
  ASSERT_EQ(images.size(), 1u);
  EXPECT_EQ(images[0].encoding, "jpeg");
  EXPECT_NEAR(images[0].x_ppi, 150, 2);
}

TEST(AddImagePage, SizesThePageFromTheScanResolution) {
  Built built = Build(fixtures::ScanJpeg(Page(150), 80), FileKind::Jpeg);
  EXPECT_NEAR(built.page.GetWidth(), 595.3, 1);  // A4 in points
  EXPECT_NEAR(built.page.GetHeight(), 841.9, 1);
}

TEST(AddImagePage, DecodesA600DpiScanAtAQuarterScale) {
  Built built = Build(fixtures::ScanJpeg(Page(600), 85), FileKind::Jpeg);
  EXPECT_EQ(built.stat.action, "downsampled");
  EXPECT_NEAR(built.stat.dpi_after, 150, 2);
  auto images = PdfImagesList(built.pdf);
  ASSERT_EQ(images.size(), 1u);
  EXPECT_NEAR(images[0].x_ppi, 150, 2);
  EXPECT_EQ(images[0].width, 4960 / 4);
}

TEST(AddImagePage, BringsAPhonePhotoToBetween150And200Dpi) {
  Built built = Build(fixtures::PhonePhotoJpeg({"Bulletin trimestriel"}, 1, 3), FileKind::Jpeg);
  auto images = PdfImagesList(built.pdf);
  ASSERT_EQ(images.size(), 1u);
  EXPECT_GE(images[0].x_ppi, 150);
  EXPECT_LE(images[0].x_ppi, 200);
  EXPECT_LT(built.page.GetWidth(), built.page.GetHeight());  // portrait A4
}

TEST(AddImagePage, ShowsARotatedPhoneFotoUprightOnAPortraitPage) {
  // Stored 4032×3024 with EXIF orientation 6: a viewer shows it portrait.
  Built built = Build(fixtures::PhonePhotoJpeg({"Bulletin trimestriel"}, 6, 3), FileKind::Jpeg);
  EXPECT_LT(built.page.GetWidth(), built.page.GetHeight());
  EXPECT_EQ(built.stat.width_before, 4032);
}

TEST(AddImagePage, KeepsACleanPngDrawingLossless) {
  TextPageSpec spec = Page(150, false);
  spec.noise_sigma = 0;
  Built built = Build(fixtures::ScanPng(spec), FileKind::Png);
  EXPECT_EQ(built.stat.action, "lossless");
  auto images = PdfImagesList(built.pdf);
  ASSERT_EQ(images.size(), 1u);
  EXPECT_EQ(images[0].encoding, "image");  // Flate, not JPEG
}

TEST(AddImagePage, TurnsANoisyPngScanIntoJpeg) {
  TextPageSpec spec = Page(150, false);
  spec.noise_sigma = 12;
  Built built = Build(fixtures::ScanPng(spec), FileKind::Png);
  auto images = PdfImagesList(built.pdf);
  ASSERT_EQ(images.size(), 1u);
  EXPECT_EQ(images[0].encoding, "jpeg");
}

TEST(AddImagePage, ReencodesEvenFittingJpegsOnAFitRung) {
  ImageTarget rung;
  rung.keep_fitting_jpeg = false;
  rung.jpeg_quality = 60;
  std::string jpeg = fixtures::ScanJpeg(Page(150), 95);
  Built built = Build(jpeg, FileKind::Jpeg, rung);
  EXPECT_NE(built.stat.action, "embedded");
  EXPECT_LT(built.stat.bytes_after, jpeg.size());
}

TEST(AddImagePage, RefusesAJpegCutShortEvenWithAnEndMarker) {
  std::string jpeg = fixtures::ScanJpeg(Page(150), 80);
  // Half a transfer with an end marker glued on: the sniff sees a whole file,
  // only decoding finds the missing rows.
  jpeg = jpeg.substr(0, jpeg.size() / 2) + "\xFF\xD9";
  try {
    Build(jpeg, FileKind::Jpeg);
    FAIL() << "damaged JPEG accepted";
  } catch (const Refusal& refusal) {
    EXPECT_EQ(refusal.reason(), RefusalReason::Corrupt);
    EXPECT_NE(refusal.message_fr().find("« scan »"), std::string::npos);
  }
}

TEST(AddImagePage, RefusesAnImageFarLargerThanAnyDocument) {
  HardLimits limits;
  limits.max_image_pixels = 1000;
  PoDoFo::PdfMemDocument doc;
  try {
    AddImagePage(doc, {"huge.jpg", fixtures::ScanJpeg(Page(100), 80)}, FileKind::Jpeg, {}, limits);
    FAIL() << "over-limit image accepted";
  } catch (const Refusal& refusal) {
    EXPECT_EQ(refusal.reason(), RefusalReason::Limits);
  }
}

}  // namespace
}  // namespace dossier
