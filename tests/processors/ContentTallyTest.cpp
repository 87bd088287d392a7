// The content-stream counter of the drawing budget: what it counts, what it
// must not mistake for operators, and that chunk boundaries change nothing.
#include <gtest/gtest.h>

#include <string>

#include "processors/pdf/ContentTally.h"

namespace dossier {
namespace {

const std::set<std::string> kForms = {"/F1", "/Im0"};

ContentTally Tally(const std::string& content, std::size_t chunk = 0) {
  ContentTally tally(kForms);
  const auto* bytes = reinterpret_cast<const unsigned char*>(content.data());
  if (chunk == 0) chunk = content.size();
  for (std::size_t at = 0; at < content.size(); at += chunk)
    tally.Feed(bytes + at, std::min(chunk, content.size() - at));
  tally.Finish();
  return tally;
}

TEST(ContentTally, CountsOperatorsNotOperands) {
  ContentTally tally = Tally("q 1 0 0 1 10 20 cm 0.5 g BT /Helv 12 Tf (Bonjour) Tj ET Q");
  EXPECT_EQ(tally.operators(), 8u);  // q cm g BT Tf Tj ET Q
  EXPECT_TRUE(tally.draws().empty());
}

TEST(ContentTally, StringsCommentsAndLiteralsAreNotOperators) {
  ContentTally tally = Tally(
      "(un texte (imbrique\\) Do) q Q) Tj % commentaire Do Q q\n"
      "<48656C6C6F> Tj [(a) -20 (b)] TJ << /MCID 0 >> BDC true false null EMC");
  EXPECT_EQ(tally.operators(), 5u);  // Tj Tj TJ BDC EMC
  EXPECT_TRUE(tally.draws().empty());
}

TEST(ContentTally, CountsDrawsOfKnownXObjectsByName) {
  ContentTally tally = Tally("/F1 Do q /F1 Do Q /F#31 Do /Im0 Do /Inconnu Do /F1 % note\n Do");
  EXPECT_EQ(tally.operators(), 8u);
  ASSERT_EQ(tally.draws().size(), 2u);     // /Inconnu is not in the resources
  EXPECT_EQ(tally.draws().at("/F1"), 4u);  // #31 is '1'; a comment keeps the operand
  EXPECT_EQ(tally.draws().at("/Im0"), 1u);
}

TEST(ContentTally, ADoWithoutItsNameDrawsNothing) {
  ContentTally tally = Tally("/F1 12 Do (x) /F1 Tj Do");
  EXPECT_TRUE(tally.draws().empty());
}

TEST(ContentTally, InlineImagesCountTheirDeclaredSizeAndSkipTheirData) {
  // The data holds bytes that look like operators and an "EI" inside a run.
  std::string content =
      "q BI /W 300 /H 200 /BPC 8 /CS /G ID \x01\x02 Do q QEIx /F1 Do\n EI Q "
      "BI /Width 10 /Height 4 /ImageMask true ID 0123456789 EI";
  ContentTally tally = Tally(content);
  EXPECT_EQ(tally.inline_images(), 2u);
  EXPECT_EQ(tally.inline_image_pixels(), 300u * 200 + 10 * 4);
  EXPECT_EQ(tally.largest_inline_image(), 300u * 200);
  EXPECT_EQ(tally.operators(), 4u);  // q BI Q BI
  EXPECT_TRUE(tally.draws().empty());
}

TEST(ContentTally, AnInlineImageWithoutEndStillCounts) {
  ContentTally tally = Tally("BI /W 100000 /H 100000 /BPC 8 /CS /G ID \x00\x00");
  EXPECT_EQ(tally.largest_inline_image(), 10'000'000'000u);
}

TEST(ContentTally, ChunkBoundariesChangeNothing) {
  std::string content =
      "q /F1 Do (a\\)b) Tj /F#31 Do <4142> Tj BI /W 7 /H 3 ID abc EI % x\n/Im0 Do 12.5 w S";
  ContentTally whole = Tally(content);
  for (std::size_t chunk : {1u, 2u, 3u, 7u}) {
    ContentTally split = Tally(content, chunk);
    EXPECT_EQ(split.operators(), whole.operators()) << chunk;
    EXPECT_EQ(split.draws(), whole.draws()) << chunk;
    EXPECT_EQ(split.inline_image_pixels(), whole.inline_image_pixels()) << chunk;
    EXPECT_EQ(split.bytes(), content.size()) << chunk;
  }
  EXPECT_EQ(whole.operators(), 9u);  // q Do Tj Do Tj BI Do w S
  EXPECT_EQ(whole.draws().at("/F1"), 2u);
}

}  // namespace
}  // namespace dossier
