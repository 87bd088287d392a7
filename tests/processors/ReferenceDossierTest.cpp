// The reference dossier through the whole pipeline with the
// built-in policy (2 Mo per pièce): what the foundation must show.
#include <gtest/gtest.h>

#include "processors/pipeline/ProcessPiece.h"
#include "tests/fixtures/ReferenceDossier.h"
#include "tests/support/Oracles.h"
#include "workflow/policy/PiecePolicy.h"

namespace dossier {
namespace {

int ExpectedPages(const std::string& code) {
  if (code == "cv") return 2;
  if (code == "bulletins") return 3;
  if (code == "identite") return 2;
  return 1;
}

TEST(ReferenceDossier, EveryPieceIsAcceptedUnderTwoMoWithReadableImages) {
  PiecePolicy policy = PiecePolicy::BuiltIn();
  std::vector<fixtures::PieceFiles> dossier = fixtures::BuildReferenceDossier();
  ASSERT_EQ(dossier.size(), 5u);
  for (const fixtures::PieceFiles& piece : dossier) {
    SCOPED_TRACE(piece.code);
    std::vector<InputFile> files;
    for (const auto& file : piece.files) files.push_back({file.name, file.bytes});
    PieceRules rules = policy.RulesFor(piece.code);
    ASSERT_EQ(rules.max_bytes, 2'000'000u);
    PieceOutcome outcome = ProcessPiece(files, rules);
    ASSERT_TRUE(outcome.report.accepted) << outcome.report.message;
    EXPECT_LE(outcome.pdf.size(), 2'000'000u);
    EXPECT_EQ(outcome.report.pages, ExpectedPages(piece.code));
    EXPECT_EQ(testing::PopplerPageCount(outcome.pdf), ExpectedPages(piece.code));
    EXPECT_TRUE(testing::QpdfCheckPasses(outcome.pdf));
    for (const testing::ListedImage& image : testing::PdfImagesList(outcome.pdf)) {
      EXPECT_GE(image.x_ppi, 150 - 1) << "page " << image.page;
      EXPECT_LE(image.x_ppi, 300 + 1) << "page " << image.page;
    }
    if (piece.code == "releve_bac") {
      EXPECT_GT(outcome.report.input_bytes, 8'000'000u);  // the 600-dpi scan of ~10 Mo
      EXPECT_LT(outcome.pdf.size(), 1'000'000u);
      EXPECT_NE(outcome.report.message.find("compressée de"), std::string::npos);
    }
  }
}

}  // namespace
}  // namespace dossier
