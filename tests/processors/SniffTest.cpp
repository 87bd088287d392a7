#include <gtest/gtest.h>

#include "core/messages/CandidateMessages.h"
#include "core/sniff/Sniff.h"
#include "tests/fixtures/BornDigitalPdf.h"
#include "tests/fixtures/DocxLike.h"
#include "tests/fixtures/GifScan.h"
#include "tests/fixtures/HeicLike.h"
#include "tests/fixtures/HeifPhoto.h"
#include "tests/fixtures/PhotoWebp.h"
#include "tests/fixtures/PlainZip.h"
#include "tests/fixtures/PngScan.h"
#include "tests/fixtures/ScanJpeg.h"
#include "tests/fixtures/ScanTiff.h"
#include "tests/fixtures/Truncated.h"

namespace dossier {
namespace {

using fixtures::TextPageSpec;

TextPageSpec SmallPage() {
  TextPageSpec spec;
  spec.lines = {"Relevé de notes"};
  spec.dpi = 100;
  return spec;
}

TEST(Sniff, RecognisesTheThreePieceFormatsByTheirBytes) {
  EXPECT_EQ(Sniff(fixtures::BornDigitalPdf({{"Bonjour"}})).kind, FileKind::Pdf);
  EXPECT_EQ(Sniff(fixtures::ScanJpeg(SmallPage())).kind, FileKind::Jpeg);
  EXPECT_EQ(Sniff(fixtures::PngScan({"Carte"})).kind, FileKind::Png);
}

TEST(Sniff, CompleteFilesAreNotTruncated) {
  EXPECT_FALSE(Sniff(fixtures::BornDigitalPdf({{"Bonjour"}})).truncated);
  EXPECT_FALSE(Sniff(fixtures::ScanJpeg(SmallPage())).truncated);
  EXPECT_FALSE(Sniff(fixtures::PngScan({"Carte"})).truncated);
}

TEST(Sniff, NamesTheFormatsCandidatesSendByMistake) {
  EXPECT_EQ(Sniff(fixtures::DocxLike()).kind, FileKind::Word);
  EXPECT_EQ(Sniff(fixtures::PlainZip()).kind, FileKind::Zip);
  EXPECT_EQ(Sniff(fixtures::GifScan({"Scan"})).kind, FileKind::Gif);
  EXPECT_EQ(Sniff(fixtures::HeicLike()).kind, FileKind::Heic);
  EXPECT_EQ(Sniff("").kind, FileKind::Empty);
  EXPECT_EQ(Sniff("Bonjour, voici mon CV\n").kind, FileKind::Text);
  EXPECT_EQ(Sniff(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + "rest").kind,
            FileKind::WordLegacy);
}

TEST(Sniff, FlagsAnInterruptedUploadOfEachFormat) {
  EXPECT_TRUE(Sniff(fixtures::Truncated(fixtures::ScanJpeg(SmallPage()), 0.5)).truncated);
  EXPECT_TRUE(Sniff(fixtures::Truncated(fixtures::PngScan({"Carte"}), 0.5)).truncated);
  EXPECT_TRUE(Sniff(fixtures::Truncated(fixtures::BornDigitalPdf({{"A"}}), 0.5)).truncated);
}

TEST(Sniff, IgnoresTheNameAndTrustsTheBytes) {
  // A PNG renamed scan.pdf is still a PNG: the sniff never sees the name.
  std::string png = fixtures::PngScan({"Carte"});
  EXPECT_EQ(Sniff(png).kind, FileKind::Png);
}

TEST(Sniff, AcceptsJunkBeforeThePdfHeaderAsReadersDo) {
  std::string pdf = "garbage from a mail client\n" + fixtures::BornDigitalPdf({{"A"}});
  EXPECT_EQ(Sniff(pdf).kind, FileKind::Pdf);
}

std::string Iso(const std::string& major, const std::string& compatible) {
  std::string box = "ftyp" + major + std::string("\0\0\0\0", 4) + compatible;
  std::string size(4, '\0');
  size[3] = static_cast<char>(box.size() + 4);
  return size + box + std::string(32, '\0');
}

TEST(Sniff, TellsPhotosFromVideosByTheirIsoBrands) {
  EXPECT_EQ(Sniff(Iso("heic", "mif1heic")).kind, FileKind::Heic);
  EXPECT_EQ(Sniff(Iso("mif1", "mif1heic")).kind, FileKind::Heic);
  EXPECT_EQ(Sniff(Iso("avif", "avifmif1miaf")).kind, FileKind::Avif);
  EXPECT_EQ(Sniff(Iso("mif1", "mif1avifmiaf")).kind, FileKind::Avif);
  // iPhone and Android videos: an MP4 or a QuickTime movie is no photo.
  EXPECT_EQ(Sniff(Iso("qt  ", "qt  ")).kind, FileKind::Video);
  EXPECT_EQ(Sniff(Iso("isom", "isomiso2avc1mp41")).kind, FileKind::Video);
  EXPECT_STREQ(FileKindCode(FileKind::Video), "video");
  // A bare ftyp box with nothing after it is still judged, never read past.
  EXPECT_EQ(Sniff(std::string("\0\0\0\x0C", 4) + "ftypheic").kind, FileKind::Heic);
}

TEST(Sniff, RecognisesEachPhotoAndScanFormatAsEncoded) {
  fixtures::TextPageSpec page;
  page.lines = {"Bulletin"};
  page.dpi = 30;
  EXPECT_EQ(Sniff(fixtures::PhonePhotoHeic(page, 6)).kind, FileKind::Heic);
  EXPECT_EQ(Sniff(fixtures::PhotoAvif(page)).kind, FileKind::Avif);
  EXPECT_EQ(Sniff(fixtures::PhotoWebp(page, 6)).kind, FileKind::Webp);
  EXPECT_EQ(Sniff(fixtures::ScanTiff({page, page})).kind, FileKind::Tiff);
  fixtures::ScanTiffSpec g4;
  g4.compression = fixtures::TiffCompression::kFaxG4;
  EXPECT_EQ(Sniff(fixtures::ScanTiff({page}, g4)).kind, FileKind::Tiff);
}

TEST(FileKindLabel, SpeaksFrenchToCandidates) {
  EXPECT_EQ(FileKindLabel(FileKind::Word), "document Word (.docx)");
  EXPECT_NE(FileKindLabel(FileKind::Heic).find("HEIC"), std::string::npos);
  EXPECT_STREQ(FileKindCode(FileKind::Zip), "zip");
}

}  // namespace
}  // namespace dossier
