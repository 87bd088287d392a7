#include <gtest/gtest.h>

#include "core/report/Refusal.h"
#include "processors/pdf/PageIntegrity.h"
#include "processors/pdf/PdfOpen.h"
#include "processors/pdf/PdfWrite.h"
#include "processors/pdf/ScannedPageImages.h"
#include "processors/pdf/SignatureProbe.h"
#include "tests/fixtures/BornDigitalPdf.h"
#include "tests/fixtures/EncryptedPdf.h"
#include "tests/fixtures/ScannedPdf.h"
#include "tests/fixtures/SignedPdf.h"
#include "tests/fixtures/Truncated.h"
#include "tests/support/Oracles.h"

namespace dossier {
namespace {

using fixtures::PdfEncryption;

fixtures::TextPageSpec Scan(int dpi) {
  fixtures::TextPageSpec spec;
  spec.lines = {"Relevé de notes", "N° INE : 1234567890V"};
  spec.dpi = dpi;
  spec.grey = true;
  spec.noise_sigma = 6;
  return spec;
}

RefusalReason ReasonOpening(const std::string& bytes) {
  try {
    OpenPdf({"piece.pdf", bytes}, HardLimits{});
  } catch (const Refusal& refusal) {
    return refusal.reason();
  }
  ADD_FAILURE() << "opened";
  return RefusalReason::Limits;
}

TEST(OpenPdf, OpensABornDigitalPdfDirectly) {
  OpenedPdf opened = OpenPdf({"cv.pdf", fixtures::BornDigitalPdf({{"A"}, {"B"}})}, HardLimits{});
  EXPECT_EQ(opened.pages, 2);
  EXPECT_FALSE(opened.repaired);
  EXPECT_FALSE(opened.decrypted);
}

class EmptyUserPassword : public ::testing::TestWithParam<PdfEncryption> {};

TEST_P(EmptyUserPassword, IsDecryptedAsEveryReaderWould) {
  OpenedPdf opened =
      OpenPdf({"releve.pdf", fixtures::EncryptedPdf("", "owner", GetParam())}, HardLimits{});
  EXPECT_TRUE(opened.decrypted);
  EXPECT_GE(opened.pages, 1);
  std::string out = WritePdf(*opened.doc);
  EXPECT_EQ(
      testing::RunCommand("qpdf --is-encrypted '" + testing::TempFile(out).path() + "'").exit_code,
      2);  // 2: not encrypted
  EXPECT_NE(testing::PdfText(out).find("Relev"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Handlers, EmptyUserPassword,
                         ::testing::Values(PdfEncryption::kRc4_128, PdfEncryption::kAes128,
                                           PdfEncryption::kAes256),
                         [](const ::testing::TestParamInfo<PdfEncryption>& info) {
                           switch (info.param) {
                             case PdfEncryption::kRc4_128:
                               return std::string("Rc4_128");
                             case PdfEncryption::kAes128:
                               return std::string("Aes128");
                             default:
                               return std::string("Aes256");
                           }
                         });

TEST(OpenPdf, RefusesAPdfThatNeedsAPassword) {
  EXPECT_EQ(ReasonOpening(fixtures::EncryptedPdf("secret", "owner")), RefusalReason::Encrypted);
  EXPECT_EQ(ReasonOpening(fixtures::EncryptedPdf("secret", "owner", PdfEncryption::kAes256)),
            RefusalReason::Encrypted);
}

TEST(OpenPdf, RefusesGarbageAsCorrupt) {
  EXPECT_EQ(ReasonOpening("%PDF-1.7\nnothing else at all\n"), RefusalReason::Corrupt);
}

TEST(OpenPdf, RebuildsAPdfWhoseCrossReferenceTableIsGone) {
  std::string pdf = fixtures::BornDigitalPdf({{"Lettre de motivation"}});
  std::size_t xref = pdf.rfind("xref");
  ASSERT_NE(xref, std::string::npos);
  pdf = pdf.substr(0, xref) + "%%EOF\n";  // objects intact, table and trailer lost
  OpenedPdf opened = OpenPdf({"lettre.pdf", pdf}, HardLimits{});
  EXPECT_TRUE(opened.repaired);
  EXPECT_EQ(opened.pages, 1);
}

TEST(OpenPdf, RefusesPastThePageLimit) {
  HardLimits limits;
  limits.max_pages_per_file = 2;
  try {
    OpenPdf({"long.pdf", fixtures::BornDigitalPdf({{"1"}, {"2"}, {"3"}})}, limits);
    FAIL();
  } catch (const Refusal& refusal) {
    EXPECT_EQ(refusal.reason(), RefusalReason::Limits);
  }
}

TEST(HasSignature, FindsTheSignatureDictionary) {
  OpenedPdf signed_pdf = OpenPdf({"a.pdf", fixtures::SignedPdf()}, HardLimits{});
  EXPECT_TRUE(HasSignature(*signed_pdf.doc));
  OpenedPdf plain = OpenPdf({"b.pdf", fixtures::BornDigitalPdf({{"A"}})}, HardLimits{});
  EXPECT_FALSE(HasSignature(*plain.doc));
}

TEST(DownsampleScannedImages, Brings600DpiPageImageTo150Dpi) {
  OpenedPdf opened = OpenPdf({"scan.pdf", fixtures::ScannedPdf(Scan(600), 90)}, HardLimits{});
  std::vector<ImageStat> stats =
      DownsampleScannedImages(*opened.doc, ImageTarget{}, HardLimits{}, 1);
  ASSERT_EQ(stats.size(), 1u);
  EXPECT_EQ(stats[0].action, "downsampled");
  EXPECT_NEAR(stats[0].dpi_before, 600, 2);
  EXPECT_NEAR(stats[0].dpi_after, 150, 2);
  std::string out = WritePdf(*opened.doc);
  auto images = testing::PdfImagesList(out);
  ASSERT_EQ(images.size(), 1u);
  EXPECT_NEAR(images[0].x_ppi, 150, 2);
  EXPECT_EQ(images[0].encoding, "jpeg");
  EXPECT_TRUE(testing::QpdfCheckPasses(out));
}

TEST(DownsampleScannedImages, KeepsAScanAlreadyAtTheTarget) {
  std::string pdf = fixtures::ScannedPdf(Scan(200), 85);
  OpenedPdf opened = OpenPdf({"scan.pdf", pdf}, HardLimits{});
  std::vector<ImageStat> stats =
      DownsampleScannedImages(*opened.doc, ImageTarget{}, HardLimits{}, 1);
  ASSERT_EQ(stats.size(), 1u);
  EXPECT_EQ(stats[0].action, "kept");
  EXPECT_EQ(stats[0].bytes_after, stats[0].bytes_before);
}

TEST(DownsampleScannedImages, LeavesBornDigitalPagesAlone) {
  OpenedPdf opened = OpenPdf({"cv.pdf", fixtures::BornDigitalPdf({{"CV"}})}, HardLimits{});
  EXPECT_TRUE(DownsampleScannedImages(*opened.doc, ImageTarget{}, HardLimits{}, 1).empty());
}

TEST(FindUnreadablePage, AcceptsASoundFile) {
  EXPECT_FALSE(FindUnreadablePage(fixtures::BornDigitalPdf({{"A"}, {"B"}})).has_value());
}

TEST(FindUnreadablePage, NamesThePageWhoseContentCannotBeDecoded) {
  std::string pdf = fixtures::BornDigitalPdf({{"A"}, {"B"}});
  OpenedPdf opened = OpenPdf({"x.pdf", pdf}, HardLimits{});
  // Page 2's content stream claims Flate but holds plain bytes.
  PoDoFo::PdfObject* contents = opened.doc->GetPage(1)->GetContents();
  ASSERT_NE(contents, nullptr);
  PoDoFo::PdfMemoryInputStream junk("not deflate data at all", 23);
  contents->GetStream()->SetRawData(&junk);
  contents->GetDictionary().AddKey(PoDoFo::PdfName::KeyFilter, PoDoFo::PdfName("FlateDecode"));
  std::optional<PageDefect> defect = FindUnreadablePage(WritePdf(*opened.doc));
  ASSERT_TRUE(defect.has_value());
  EXPECT_EQ(defect->page, 2);
}

}  // namespace
}  // namespace dossier
