// CountTiffPages: a TIFF's pages and sizes are judged from its directories
// before libtiff reads any, so a small hostile file costs nothing.
#include <gtest/gtest.h>

#include "core/report/Refusal.h"
#include "processors/image/TiffPages.h"
#include "tests/fixtures/HandMadeTiff.h"
#include "tests/fixtures/ScanTiff.h"
#include "tests/fixtures/Truncated.h"

namespace dossier {
namespace {

Refusal RefusalOf(const std::string& tiff, const HardLimits& limits = {}) {
  try {
    CountTiffPages(tiff, "scan.tif", limits);
  } catch (const Refusal& refusal) {
    return refusal;
  }
  ADD_FAILURE() << "no refusal";
  return Refusal(RefusalReason::Corrupt, "", "");
}

TEST(CountTiffPages, CountsTheDirectoriesOfAScan) {
  fixtures::TextPageSpec page;
  page.lines = {"Page"};
  page.dpi = 30;
  EXPECT_EQ(CountTiffPages(fixtures::ScanTiff({page, page, page}), "scan.tif", {}), 3);
  EXPECT_EQ(CountTiffPages(fixtures::HandMadeTiff(7), "scan.tif", {}), 7);
}

TEST(CountTiffPages, StopsAtTheHardCapOnPages) {
  Refusal refusal = RefusalOf(fixtures::HandMadeTiff(100'000));
  EXPECT_EQ(refusal.reason(), RefusalReason::Limits);
  EXPECT_NE(refusal.message_fr().find("plus de 2000 pages"), std::string::npos)
      << refusal.message_fr();
  HardLimits three;
  three.max_pages_per_file = 3;
  EXPECT_EQ(CountTiffPages(fixtures::HandMadeTiff(3), "scan.tif", three), 3);
  EXPECT_EQ(RefusalOf(fixtures::HandMadeTiff(4), three).reason(), RefusalReason::Limits);
}

TEST(CountTiffPages, RefusesAPageDeclaringFarMorePixelsThanADocument) {
  Refusal refusal = RefusalOf(fixtures::HandMadeTiff(1, 60'000, 60'000));
  EXPECT_EQ(refusal.reason(), RefusalReason::Limits);
  EXPECT_NE(refusal.message_fr().find("60000 × 60000"), std::string::npos) << refusal.message_fr();
  // 2 × 4 000 000 000: no overflow lets a 32-bit product slip under the limit.
  EXPECT_EQ(RefusalOf(fixtures::HandMadeTiff(1, 2, 4'000'000'000u)).reason(),
            RefusalReason::Limits);
}

TEST(CountTiffPages, RefusesALoopOrAChainLeavingTheFileAsCorrupt) {
  EXPECT_EQ(RefusalOf(fixtures::LoopingTiff()).reason(), RefusalReason::Corrupt);
  EXPECT_EQ(RefusalOf(fixtures::Truncated(fixtures::HandMadeTiff(5), 0.5)).reason(),
            RefusalReason::Corrupt);
  EXPECT_EQ(RefusalOf("II*").reason(), RefusalReason::Corrupt);
}

TEST(IsBilevelTiffPage, TellsABlackAndWhiteScanFromAGreyOne) {
  fixtures::TextPageSpec page;
  page.lines = {"Page"};
  page.dpi = 30;
  page.grey = true;
  fixtures::ScanTiffSpec g4;
  g4.compression = fixtures::TiffCompression::kFaxG4;
  std::string bilevel = fixtures::ScanTiff({page, page}, g4);
  EXPECT_TRUE(IsBilevelTiffPage(bilevel, 0));
  EXPECT_TRUE(IsBilevelTiffPage(bilevel, 1));
  EXPECT_FALSE(IsBilevelTiffPage(bilevel, 2));  // no third page
  EXPECT_FALSE(IsBilevelTiffPage(fixtures::ScanTiff({page}), 0));
  page.grey = false;
  EXPECT_FALSE(IsBilevelTiffPage(fixtures::ScanTiff({page}), 0));  // 8 bits, three bands
}

}  // namespace
}  // namespace dossier
