// What the pipeline gives the gestionnaire passes `qpdf --check` without a
// warning, or the pièce is refused now with the damaged page named.
#include <gtest/gtest.h>

#include "processors/pdf/PageIntegrity.h"
#include "processors/pipeline/ProcessPiece.h"
#include "tests/fixtures/BornDigitalPdf.h"
#include "tests/fixtures/HostilePdf.h"
#include "tests/support/Oracles.h"

namespace dossier {
namespace {

// A page drawing image /Im1, 8×8 grey, whose stream holds `data` under `filter`.
std::string PageWithImage(const std::string& filter, const std::string& data) {
  return fixtures::OnePageDrawingPdf(
      "q 100 0 0 100 50 50 cm /Im1 Do Q", "/Resources << /XObject << /Im1 5 0 R >> >>",
      {"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray "
       "/BitsPerComponent 8 /Filter " +
       filter + " /Length " + std::to_string(data.size()) + " >>\nstream\n" + data +
       "\nendstream"});
}

TEST(OutputCheck, AContentSyntaxErrorIsADamagedPage) {
  std::string pdf = fixtures::OnePageDrawingPdf("0 0 m 100 100 l S ] >> 1 0 0 rg");
  std::optional<PageDefect> defect = FindUnreadablePage(pdf);
  ASSERT_TRUE(defect.has_value());
  EXPECT_EQ(defect->page, 1);
  EXPECT_FALSE(testing::QpdfCheckPasses(pdf));  // the oracle agrees it is not clean

  PieceOutcome outcome = ProcessPiece({{"cv.pdf", pdf}}, PieceRules{});
  EXPECT_EQ(outcome.report.reason, RefusalReason::Corrupt);
  EXPECT_NE(outcome.report.message.find("La page 1 du fichier « cv.pdf »"), std::string::npos)
      << outcome.report.message;
  EXPECT_TRUE(outcome.pdf.empty());
}

TEST(OutputCheck, AnImageThatDoesNotDecodeIsRefused) {
  for (const auto& [filter, data] : std::vector<std::pair<std::string, std::string>>{
           {"/LZWDecode", std::string("\xff\xff\xff\xff\xff\xff", 6)},
           {"/DCTDecode", "ww not a jpeg"}}) {
    std::string pdf = PageWithImage(filter, data);
    std::optional<PageDefect> defect = FindUnreadablePage(pdf);
    ASSERT_TRUE(defect.has_value()) << filter;
    EXPECT_EQ(defect->page, 0) << filter;
    EXPECT_EQ(ProcessPiece({{"scan.pdf", pdf}}, PieceRules{}).report.reason, RefusalReason::Corrupt)
        << filter;
  }
}

TEST(OutputCheck, SoundPagesAndImagesPassAndTheOutputIsClean) {
  for (const std::string& pdf :
       {fixtures::OnePageDrawingPdf("0 0 m 100 100 l S 1 0 0 rg 10 10 50 50 re f"),
        PageWithImage("/ASCIIHexDecode", std::string(128, '8') + ">"),
        fixtures::BornDigitalPdf({{"Curriculum vitae", "Camille Martin"}})}) {
    EXPECT_FALSE(FindUnreadablePage(pdf).has_value());
    PieceOutcome outcome = ProcessPiece({{"cv.pdf", pdf}}, PieceRules{});
    ASSERT_FALSE(outcome.pdf.empty()) << outcome.report.message;
    EXPECT_TRUE(testing::QpdfCheckPasses(outcome.pdf));
  }
}

}  // namespace
}  // namespace dossier
