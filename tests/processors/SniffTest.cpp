#include <gtest/gtest.h>

#include "core/messages/CandidateMessages.h"
#include "core/sniff/Sniff.h"
#include "tests/fixtures/BornDigitalPdf.h"
#include "tests/fixtures/DocxLike.h"
#include "tests/fixtures/GifScan.h"
#include "tests/fixtures/HeicLike.h"
#include "tests/fixtures/PlainZip.h"
#include "tests/fixtures/PngScan.h"
#include "tests/fixtures/ScanJpeg.h"
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

TEST(FileKindLabel, SpeaksFrenchToCandidates) {
  EXPECT_EQ(FileKindLabel(FileKind::Word), "document Word (.docx)");
  EXPECT_NE(FileKindLabel(FileKind::Heic).find("HEIC"), std::string::npos);
  EXPECT_STREQ(FileKindCode(FileKind::Zip), "zip");
}

}  // namespace
}  // namespace dossier
