// Phone and scanner formats become pages like JPEG and PNG: HEIC (iPhone),
// AVIF, WebP (Android, messaging apps) and multi-page TIFF (scanners), each
// upright, one page per TIFF page, and every hostile declaration (size,
// pages, truncation) refused before decoding with its reason.
#include <gtest/gtest.h>

#include <string>
#include <vector>
#include <vips/vips8>

#include "processors/pdf/FirstPageThumbnail.h"
#include "processors/pipeline/ProcessPiece.h"
#include "tests/fixtures/DeclaredSize.h"
#include "tests/fixtures/HandMadeTiff.h"
#include "tests/fixtures/HeifPhoto.h"
#include "tests/fixtures/PhotoWebp.h"
#include "tests/fixtures/ScanTiff.h"
#include "tests/fixtures/TextPage.h"
#include "tests/fixtures/Truncated.h"
#include "tests/support/Oracles.h"

namespace dossier {
namespace {

using fixtures::TextPageSpec;

// Two short lines at the top left of a portrait A4 page: whichever way the
// page is turned or mirrored, its ink moves away from that corner.
TextPageSpec ShortPage(int dpi = 72) {
  TextPageSpec spec;
  spec.lines = {"Bulletin trimestriel", "Lycée Pierre de Fermat"};
  spec.bold_lines = 1;
  spec.dpi = dpi;
  spec.font_points = 20;
  return spec;
}

// A page full of text: its ink reaches far down.
TextPageSpec FullPage(int dpi = 72) {
  TextPageSpec spec = ShortPage(dpi);
  spec.lines.assign(45, "Mathématiques 15,5 — Physique-chimie 14 — Histoire 12,5");
  return spec;
}

// Where the first page's ink is, as fractions of its width and height
// (0, 0 the top left), and whether the page is portrait.
struct PageLook {
  double ink_x = 0, ink_y = 0;
  bool portrait = false;
};

PageLook LookAt(const std::string& pdf) {
  std::string jpeg = FirstPageThumbnailJpeg(pdf, 200);
  vips::VImage page = vips::VImage::new_from_buffer(jpeg.data(), jpeg.size(), "")
                          .colourspace(VIPS_INTERPRETATION_B_W)[0]
                          .copy_memory();
  vips::VImage ink = (page < 128) / 255.0;
  vips::VImage xy = vips::VImage::xyz(page.width(), page.height());
  double total = ink.avg();
  PageLook look;
  look.portrait = page.height() > page.width();
  if (total == 0) return look;
  look.ink_x = (ink * xy[0]).avg() / total / page.width();
  look.ink_y = (ink * xy[1]).avg() / total / page.height();
  return look;
}

void ExpectUpright(const std::string& pdf) {
  PageLook look = LookAt(pdf);
  EXPECT_TRUE(look.portrait);
  EXPECT_LT(look.ink_x, 0.4) << "ink should be on the left: mirrored or turned";
  EXPECT_LT(look.ink_y, 0.25) << "ink should be at the top: upside down or turned";
}

PieceOutcome Process(const std::string& name, const std::string& bytes,
                     const PieceRules& rules = PieceRules{}) {
  return ProcessPiece({{name, bytes}}, rules);
}

std::string Describe(const PieceOutcome& outcome) {
  const char* reason = outcome.report.reason ? ReasonCode(*outcome.report.reason) : "accepted";
  return std::string(reason) + ": " + outcome.report.message + " (" + outcome.report.detail + ")";
}

TEST(PhotoFormats, AnIphoneHeicTurnedByItsContainerComesOutUprightOnce) {
  // Stored landscape with irot (orientation 6) and EXIF 6 repeating it:
  // libheif turns it, the EXIF tag must not turn it again.
  PieceOutcome outcome = Process("IMG_0042.HEIC", fixtures::PhonePhotoHeic(ShortPage(), 6));
  ASSERT_TRUE(outcome.report.accepted) << Describe(outcome);
  EXPECT_EQ(outcome.report.pages, 1);
  ASSERT_EQ(outcome.report.inputs.size(), 1u);
  EXPECT_EQ(outcome.report.inputs[0].kind, "heic");
  ExpectUpright(outcome.pdf);
  EXPECT_TRUE(testing::QpdfCheckPasses(outcome.pdf));
}

TEST(PhotoFormats, AHeicIsUprightForEveryContainerOrientation) {
  for (int orientation : {1, 2, 3, 4, 5, 7, 8}) {
    SCOPED_TRACE(orientation);
    PieceOutcome outcome =
        Process("photo.heic", fixtures::PhonePhotoHeic(ShortPage(40), orientation));
    ASSERT_TRUE(outcome.report.accepted) << Describe(outcome);
    ExpectUpright(outcome.pdf);
  }
}

TEST(PhotoFormats, AnAvifBecomesAnUprightPage) {
  PieceOutcome outcome = Process("photo.avif", fixtures::PhotoAvif(ShortPage(), 8));
  ASSERT_TRUE(outcome.report.accepted) << Describe(outcome);
  EXPECT_EQ(outcome.report.inputs[0].kind, "avif");
  EXPECT_EQ(outcome.report.pages, 1);
  ExpectUpright(outcome.pdf);
}

TEST(PhotoFormats, AWebpIsTurnedByItsExifOrientation) {
  for (int orientation : {1, 3, 6, 8}) {
    SCOPED_TRACE(orientation);
    PieceOutcome outcome = Process("photo.webp", fixtures::PhotoWebp(ShortPage(), orientation));
    ASSERT_TRUE(outcome.report.accepted) << Describe(outcome);
    EXPECT_EQ(outcome.report.inputs[0].kind, "webp");
    ExpectUpright(outcome.pdf);
  }
}

TEST(PhotoFormats, AnAnimatedWebpGivesItsFirstFrameOnly) {
  PieceOutcome outcome = Process("sticker.webp", fixtures::AnimatedWebp(ShortPage(), FullPage()));
  ASSERT_TRUE(outcome.report.accepted) << Describe(outcome);
  EXPECT_EQ(outcome.report.pages, 1);
  ExpectUpright(outcome.pdf);  // the full page's ink would reach far down
}

TEST(PhotoFormats, AMultiPageTiffGivesOnePagePerTiffPage) {
  fixtures::ScanTiffSpec spec;
  spec.compression = fixtures::TiffCompression::kFaxG4;
  PieceOutcome outcome =
      Process("scan.tif", fixtures::ScanTiff({ShortPage(300), FullPage(300), FullPage(300)}, spec));
  ASSERT_TRUE(outcome.report.accepted) << Describe(outcome);
  EXPECT_EQ(outcome.report.pages, 3);
  EXPECT_EQ(testing::PopplerPageCount(outcome.pdf), 3);
  ASSERT_EQ(outcome.report.inputs.size(), 1u);
  EXPECT_EQ(outcome.report.inputs[0].kind, "tiff");
  EXPECT_EQ(outcome.report.inputs[0].pages, 3);
  EXPECT_EQ(outcome.report.inputs[0].images.size(), 3u);
  EXPECT_EQ(outcome.report.inputs[0].images[2].page, 3);
  // 1-bit pages, as a 1-bit PNG: kept at the bilevel resolution, losslessly.
  EXPECT_EQ(outcome.report.inputs[0].images[0].action, "lossless");
  EXPECT_NEAR(outcome.report.inputs[0].images[0].dpi_after, 300, 1);
  ExpectUpright(outcome.pdf);  // page 1 is the short one
  EXPECT_TRUE(testing::QpdfCheckPasses(outcome.pdf));
}

TEST(PhotoFormats, ATiffIsTurnedByItsOrientationTag) {
  fixtures::ScanTiffSpec spec;
  spec.orientation = 6;
  spec.compression = fixtures::TiffCompression::kJpeg;
  PieceOutcome outcome = Process("scan.tif", fixtures::ScanTiff({ShortPage(150)}, spec));
  ASSERT_TRUE(outcome.report.accepted) << Describe(outcome);
  ExpectUpright(outcome.pdf);
}

TEST(PhotoFormats, AMultiPageTiffMergesWithOtherFilesInUploadOrder) {
  PieceOutcome outcome =
      ProcessPiece({{"photo.heic", fixtures::PhonePhotoHeic(ShortPage(40), 6)},
                    {"scan.tif", fixtures::ScanTiff({FullPage(100), FullPage(100)})},
                    {"photo.webp", fixtures::PhotoWebp(ShortPage(40))}},
                   PieceRules{});
  ASSERT_TRUE(outcome.report.accepted) << Describe(outcome);
  EXPECT_EQ(outcome.report.pages, 4);
  EXPECT_EQ(testing::PopplerPageCount(outcome.pdf), 4);
  ExpectUpright(outcome.pdf);
}

// Hostile files: each refused with its reason, from the header alone.

TEST(PhotoFormats, RefusesATinyWebpDeclaringAGiantImageAsLimits) {
  std::string webp = fixtures::WebpDeclaring(fixtures::PhotoWebp(ShortPage(40)), 16383, 16383);
  ASSERT_LT(webp.size(), 20'000u);
  PieceOutcome outcome = Process("photo.webp", webp);
  EXPECT_EQ(outcome.report.reason, RefusalReason::Limits) << Describe(outcome);
  EXPECT_NE(outcome.report.message.find("16383 × 16383"), std::string::npos)
      << outcome.report.message;
}

TEST(PhotoFormats, RefusesATinyTiffDeclaring60000By60000AsLimits) {
  PieceOutcome outcome = Process("scan.tif", fixtures::HandMadeTiff(1, 60'000, 60'000));
  EXPECT_EQ(outcome.report.reason, RefusalReason::Limits) << Describe(outcome);
  EXPECT_NE(outcome.report.message.find("60000 × 60000"), std::string::npos);
}

TEST(PhotoFormats, RefusesATiffOfAHundredThousandPagesBeforeReadingThem) {
  PieceOutcome outcome = Process("scan.tif", fixtures::HandMadeTiff(100'000));
  EXPECT_EQ(outcome.report.reason, RefusalReason::Limits) << Describe(outcome);
  EXPECT_NE(outcome.report.message.find("plus de 2000 pages"), std::string::npos)
      << outcome.report.message;
}

TEST(PhotoFormats, RefusesATiffOverThePiecePagesBeforeDecodingAsPages) {
  PieceRules rules;
  rules.max_pages = 4;
  rules.label = "Pièce d'identité";
  PieceOutcome outcome = Process("scan.tif", fixtures::HandMadeTiff(150), rules);
  EXPECT_EQ(outcome.report.reason, RefusalReason::Pages) << Describe(outcome);
  EXPECT_NE(outcome.report.message.find("compte 150 pages, au-delà du maximum de 4"),
            std::string::npos)
      << outcome.report.message;
  // Within the limit, the same tiny pages are accepted, one page each.
  PieceOutcome fits = Process("scan.tif", fixtures::HandMadeTiff(4), rules);
  ASSERT_TRUE(fits.report.accepted) << Describe(fits);
  EXPECT_EQ(fits.report.pages, 4);
}

TEST(PhotoFormats, RefusesATiffWhoseDirectoriesLoopAsCorrupt) {
  PieceOutcome outcome = Process("scan.tif", fixtures::LoopingTiff());
  EXPECT_EQ(outcome.report.reason, RefusalReason::Corrupt) << Describe(outcome);
}

TEST(PhotoFormats, RefusesATruncatedHeicAsCorrupt) {
  std::string heic = fixtures::PhonePhotoHeic(ShortPage(40), 6);
  for (double kept : {0.2, 0.6, 0.95}) {
    SCOPED_TRACE(kept);
    PieceOutcome outcome = Process("IMG_0042.HEIC", fixtures::Truncated(heic, kept));
    EXPECT_EQ(outcome.report.reason, RefusalReason::Corrupt) << Describe(outcome);
    EXPECT_NE(outcome.report.message.find("« IMG_0042.HEIC » est endommagée"), std::string::npos)
        << outcome.report.message;
  }
}

TEST(PhotoFormats, RefusesAHeicWhoseDeclaredSizeLies) {
  std::string heic = fixtures::PhonePhotoHeic(ShortPage(40), 1);
  PieceOutcome huge = Process("photo.heic", fixtures::HeifDeclaring(heic, 60'000, 60'000));
  EXPECT_EQ(huge.report.reason, RefusalReason::Limits) << Describe(huge);
  EXPECT_NE(huge.report.message.find("60000 × 60000"), std::string::npos) << huge.report.message;
  // Under libheif's own limit and ours, larger than the coded picture.
  PieceOutcome large = Process("photo.heic", fixtures::HeifDeclaring(heic, 12'000, 12'000));
  EXPECT_EQ(large.report.reason, RefusalReason::Corrupt) << Describe(large);
  // Smaller than the coded picture: what is decoded is not what was judged.
  PieceOutcome small = Process("photo.heic", fixtures::HeifDeclaring(heic, 64, 64));
  EXPECT_EQ(small.report.reason, RefusalReason::Corrupt) << Describe(small);
}

}  // namespace
}  // namespace dossier
