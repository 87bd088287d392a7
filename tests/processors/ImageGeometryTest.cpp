#include <gtest/gtest.h>

#include <cmath>
#include <vips/vips8>

#include "processors/image/DecodeScale.h"
#include "processors/image/Orientation.h"
#include "processors/image/PagePlacement.h"

namespace dossier {
namespace {

TEST(JpegShrinkFactor, LandsBetweenFloorAndTargetWithoutResizing) {
  EXPECT_EQ(JpegShrinkFactor(366, 200, 150), 2);  // 12 Mpx phone photo on A4 → 183 dpi
  EXPECT_EQ(JpegShrinkFactor(600, 200, 150), 4);  // 600-dpi scan → 150 dpi
  EXPECT_EQ(JpegShrinkFactor(599.9, 200, 150), 4);  // measured, not nominal, 600 dpi
  EXPECT_EQ(JpegShrinkFactor(1200, 200, 150), 8);
  EXPECT_EQ(JpegShrinkFactor(700, 200, 150), 4);  // 175 dpi
}

TEST(JpegShrinkFactor, KeepsFullScaleWithinTheTarget) {
  EXPECT_EQ(JpegShrinkFactor(200, 200, 150), 1);
  EXPECT_EQ(JpegShrinkFactor(150, 200, 150), 1);
}

TEST(JpegShrinkFactor, StaysAboveTargetWhenNoScaleFitsThenResizes) {
  // 250/2 = 125 would fall under the floor: decode fully, resize after.
  EXPECT_EQ(JpegShrinkFactor(250, 200, 150), 1);
  // 500/2 = 250, 500/4 = 125: decode at 1/2 (250 dpi), resize to 200.
  EXPECT_EQ(JpegShrinkFactor(500, 200, 150), 2);
}

TEST(PlaceOnPage, UsesThePhysicalSizeOfAScan) {
  PagePlacement p = PlaceOnPage(2480, 3508, 300);  // A4 at 300 dpi
  EXPECT_TRUE(p.physical);
  EXPECT_NEAR(p.page_width, 595.2, 0.5);
  EXPECT_NEAR(p.page_height, 841.9, 0.5);
  EXPECT_DOUBLE_EQ(p.dpi, 300);
}

TEST(PlaceOnPage, FitsAPhoneFotoOfUnknownSizeOnA4) {
  PagePlacement p = PlaceOnPage(3024, 4032, 0);
  EXPECT_FALSE(p.physical);
  EXPECT_NEAR(p.page_width, 595.3, 0.1);
  EXPECT_NEAR(p.page_height, 841.9, 0.1);
  EXPECT_LE(p.width, p.page_width + 1e-6);
  EXPECT_LE(p.height, p.page_height + 1e-6);
  EXPECT_NEAR(p.dpi, 3024 / (595.276 / 72), 1);  // 366 dpi
  EXPECT_NEAR(p.x * 2 + p.width, p.page_width, 1e-6);  // centred
}

TEST(PlaceOnPage, TurnsTheA4PageForALandscapeImage) {
  PagePlacement p = PlaceOnPage(4032, 3024, 0);
  EXPECT_GT(p.page_width, p.page_height);
}

TEST(PlaceOnPage, DistrustsAPhysicalSizeNoPaperHas) {
  // 20000 px at 100 dpi would be a 5-metre page.
  PagePlacement p = PlaceOnPage(20000, 20000, 100);
  EXPECT_FALSE(p.physical);
}

// For every EXIF orientation, the page matrix must put each stored pixel
// where libvips' autorot (an independent implementation of EXIF) puts it.
class OrientedPlacementTest : public ::testing::TestWithParam<int> {};

TEST_P(OrientedPlacementTest, MatchesLibvipsAutorot) {
  int orientation = GetParam();
  const int w = 3, h = 2;
  // Each pixel holds its own index: where it lands identifies the transform.
  std::vector<unsigned char> pixels(w * h);
  for (int i = 0; i < w * h; ++i) pixels[i] = static_cast<unsigned char>(10 + i);
  vips::VImage stored = vips::VImage::new_from_memory(pixels.data(), pixels.size(), w, h, 1,
                                                      VIPS_FORMAT_UCHAR).copy_memory();
  stored.set("orientation", orientation);
  vips::VImage upright = stored.autorot();
  int dw = upright.width(), dh = upright.height();
  PdfMatrix m = OrientedPlacement(orientation, 0, 0, dw, dh);
  for (int row = 0; row < h; ++row) {
    for (int col = 0; col < w; ++col) {
      // Centre of the stored pixel in PDF image space (v counted from the bottom).
      double u = (col + 0.5) / w, v = 1.0 - (row + 0.5) / h;
      double x = m.a * u + m.c * v + m.e, y = m.b * u + m.d * v + m.f;
      int shown_col = static_cast<int>(std::floor(x));
      int shown_row = static_cast<int>(std::floor(dh - y));  // page y grows upwards
      ASSERT_GE(shown_col, 0);
      ASSERT_LT(shown_col, dw);
      ASSERT_GE(shown_row, 0);
      ASSERT_LT(shown_row, dh);
      EXPECT_EQ(upright(shown_col, shown_row)[0], 10 + row * w + col)
          << "orientation " << orientation << ", stored pixel (" << col << "," << row << ")";
    }
  }
}

INSTANTIATE_TEST_SUITE_P(AllExifOrientations, OrientedPlacementTest, ::testing::Range(1, 9));

}  // namespace
}  // namespace dossier
