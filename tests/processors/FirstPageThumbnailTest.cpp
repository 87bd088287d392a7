// The preview the web pages show of a processed pièce: page 1 only, at the
// asked width, a real JPEG that libvips and poppler agree on.
#include <gtest/gtest.h>

#include <stdexcept>
#include <vips/vips8>

#include "processors/pdf/FirstPageThumbnail.h"
#include "tests/fixtures/BornDigitalPdf.h"
#include "tests/fixtures/SampleTexts.h"
#include "tests/fixtures/ScannedPdf.h"
#include "tests/fixtures/VipsSave.h"

namespace dossier {
namespace {

// Decoded now: libvips reads buffers lazily, and `jpeg` may be a temporary.
vips::VImage Decoded(const std::string& jpeg) {
  return vips::VImage::new_from_buffer(jpeg.data(), jpeg.size(), "").copy_memory();
}

bool IsJpeg(const std::string& bytes) {
  return bytes.size() > 3 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
         static_cast<unsigned char>(bytes[1]) == 0xD8 &&
         static_cast<unsigned char>(bytes[2]) == 0xFF;
}

TEST(FirstPageThumbnail, BornDigitalPdfGivesAJpegOfTheAskedWidthWithItsText) {
  std::string jpeg = FirstPageThumbnailJpeg(fixtures::BornDigitalPdf(fixtures::CvPages()));
  ASSERT_TRUE(IsJpeg(jpeg));
  vips::VImage image = Decoded(jpeg);
  EXPECT_EQ(image.width(), 360);
  // Only page 1 (A4 portrait: 297/210 of the width), not the two pages stacked.
  EXPECT_NEAR(image.height(), 360 * 297 / 210, 2);
  EXPECT_EQ(image.bands(), 3);
  // White paper with dark text on it, not a transparent or black page.
  EXPECT_GT(image.avg(), 200);
  EXPECT_LT(image.min(), 100);
}

TEST(FirstPageThumbnail, WidthIsTheCallersChoice) {
  std::string pdf = fixtures::BornDigitalPdf({fixtures::LettreMotivationLines()});
  EXPECT_EQ(Decoded(FirstPageThumbnailJpeg(pdf, 120)).width(), 120);
  EXPECT_EQ(Decoded(FirstPageThumbnailJpeg(pdf, 800)).width(), 800);
}

TEST(FirstPageThumbnail, ScannedLandscapePageKeepsItsShape) {
  fixtures::TextPageSpec spec;
  spec.lines = {"Bulletin trimestriel", "Mathématiques 15"};
  spec.dpi = 150;
  spec.grey = true;
  spec.landscape = true;
  std::string jpeg = FirstPageThumbnailJpeg(fixtures::ScannedPdf(spec, 80));
  ASSERT_TRUE(IsJpeg(jpeg));
  vips::VImage image = Decoded(jpeg);
  EXPECT_EQ(image.width(), 360);
  EXPECT_NEAR(image.height(), 360 * 210 / 297, 2);
  EXPECT_GT(image.avg(), 150);
}

TEST(FirstPageThumbnail, ColoursStayInTheirBands) {
  // A red page: red in the preview, not blue (poppler gives BGR rows).
  vips::VImage red = vips::VImage::black(620, 877).new_from_image({220, 30, 40});
  std::string jpeg = fixtures::JpegBytes(
      red.cast(VIPS_FORMAT_UCHAR)
          .copy(vips::VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB)),
      85);
  vips::VImage image =
      Decoded(FirstPageThumbnailJpeg(fixtures::PdfOfFullPageJpeg(jpeg, 620, 877, false)));
  ASSERT_EQ(image.bands(), 3);
  vips::VImage centre = image.extract_area(image.width() / 4, image.height() / 4, image.width() / 2,
                                           image.height() / 2);
  EXPECT_NEAR(centre[0].avg(), 220, 12);
  EXPECT_NEAR(centre[1].avg(), 30, 12);
  EXPECT_NEAR(centre[2].avg(), 40, 12);
}

TEST(FirstPageThumbnail, CarriesNoMetadata) {
  std::string jpeg = FirstPageThumbnailJpeg(fixtures::BornDigitalPdf(fixtures::CvPages()));
  EXPECT_EQ(jpeg.find("Exif"), std::string::npos);
  EXPECT_EQ(jpeg.find("http://ns.adobe.com/xap"), std::string::npos);
}

TEST(FirstPageThumbnail, WhatIsNotAReadablePdfThrows) {
  std::string pdf = fixtures::BornDigitalPdf(fixtures::CvPages());
  EXPECT_THROW(FirstPageThumbnailJpeg("not a pdf at all"), std::runtime_error);
  EXPECT_THROW(FirstPageThumbnailJpeg("%PDF-1.7\n% nothing else\n"), std::runtime_error);
  EXPECT_THROW(FirstPageThumbnailJpeg(pdf, 0), std::runtime_error);
}

}  // namespace
}  // namespace dossier
