#include "processors/fit/FitToLimit.h"

#include <gtest/gtest.h>

#include "processors/fit/FitLadder.h"

namespace dossier {
namespace {

TEST(FitLadder, StepsQualityThenResolutionDownToTheFloor) {
  std::vector<ImageTarget> ladder = FitLadder(ImageTarget{});
  ASSERT_GE(ladder.size(), 4u);
  EXPECT_TRUE(ladder.front().keep_fitting_jpeg);
  EXPECT_EQ(ladder.front().jpeg_quality, 85);
  EXPECT_EQ(ladder[1].dpi, 200);
  EXPECT_EQ(ladder[1].jpeg_quality, 75);
  EXPECT_EQ(ladder[2].jpeg_quality, 60);
  EXPECT_EQ(ladder.back().dpi, 150);
  EXPECT_EQ(ladder.back().jpeg_quality, 60);
  for (std::size_t i = 1; i < ladder.size(); ++i) {
    EXPECT_LE(ladder[i].dpi, ladder[i - 1].dpi);
    EXPECT_FALSE(ladder[i].keep_fitting_jpeg);
    EXPECT_FALSE(ladder[i].allow_lossless);
  }
}

TEST(FitLadder, HasNoResolutionStepsWhenTheTargetIsTheFloor) {
  ImageTarget base;
  base.dpi = 150;
  for (const ImageTarget& rung : FitLadder(base)) EXPECT_EQ(rung.dpi, 150);
}

// A stand-in renderer whose output shrinks with quality and resolution.
std::string Render(const ImageTarget& target, int& calls) {
  ++calls;
  return std::string(static_cast<std::size_t>(target.dpi * target.jpeg_quality), 'x');
}

TEST(FitToLimit, StopsAtTheFirstRungUnderTheLimit) {
  int calls = 0;
  std::vector<ImageTarget> ladder = FitLadder(ImageTarget{});
  FitResult fit = FitToLimit([&](const ImageTarget& t) { return Render(t, calls); },
                             200 * 75, ladder);
  EXPECT_TRUE(fit.fits);
  EXPECT_EQ(fit.rung, 1u);
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(fit.pdf.size(), 200u * 75);
}

TEST(FitToLimit, ReturnsTheSmallestWhenNothingFits) {
  int calls = 0;
  std::vector<ImageTarget> ladder = FitLadder(ImageTarget{});
  FitResult fit = FitToLimit([&](const ImageTarget& t) { return Render(t, calls); }, 10, ladder);
  EXPECT_FALSE(fit.fits);
  EXPECT_EQ(fit.rung, ladder.size() - 1);
  EXPECT_EQ(fit.pdf.size(), 150u * 60);
}

TEST(FitToLimit, GivesUpWhenARungGainsNothing) {
  // A document without images comes out the same at every rung.
  int calls = 0;
  FitResult fit = FitToLimit(
      [&](const ImageTarget&) {
        ++calls;
        return std::string(5000, 'x');
      },
      1000, FitLadder(ImageTarget{}));
  EXPECT_FALSE(fit.fits);
  EXPECT_EQ(calls, 2);
}

}  // namespace
}  // namespace dossier
