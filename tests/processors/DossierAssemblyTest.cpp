#include <gtest/gtest.h>

#include <cctype>

#include "core/messages/CoverLabels.h"
#include "processors/dossier/AssembleDossier.h"
#include "processors/dossier/WinAnsiText.h"
#include "tests/fixtures/BornDigitalPdf.h"
#include "tests/fixtures/ScannedPdf.h"
#include "tests/fixtures/SignedPdf.h"
#include "tests/support/Oracles.h"

namespace dossier {
namespace {

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// pdftotext of pages first..last only.
std::string PagesText(const std::string& pdf, int first, int last) {
  testing::TempFile file(pdf);
  return testing::RunCommand("pdftotext -q -f " + std::to_string(first) + " -l " +
                             std::to_string(last) + " '" + file.path() + "' -")
      .out;
}

// Text without any white space: line breaks fall where the layout wants.
std::string Squeezed(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      ++i;  // no-break space
      continue;
    }
    if (!std::isspace(c)) out += text[i];
  }
  return out;
}

DossierCover SampleCover() {
  DossierCover cover;
  cover.candidature_id = "cand-2024-0042";
  cover.formation = "Licence Lettres modernes — parcours Édition et métiers du livre";
  cover.declared_ine = "1234567890V";
  cover.status = "Incomplet";
  cover.generated_at = "12/06/2024 à 09:30 (UTC)";
  cover.pieces = {
      {"Curriculum vitæ", "Validée", "acceptée, 2 pages, 45 ko", ""},
      {"Relevé de notes du baccalauréat", "Refusée", "acceptée, 1 page, 683 ko, INE conforme",
       "Illisible : déposez un scan en 300 dpi."},
      {"Lettre de motivation", "Transmise", "acceptée, 1 page, 38 ko", ""}};
  return cover;
}

fixtures::TextPageSpec Scan() {
  fixtures::TextPageSpec spec;
  spec.lines = {"RELEVE DE NOTES", "Baccalauréat général, session 2024"};
  spec.dpi = 100;
  spec.grey = true;
  return spec;
}

std::vector<CoverPiece> NumberedPieces(int count) {
  std::vector<CoverPiece> pieces;
  for (int i = 1; i <= count; ++i)
    pieces.push_back({"Pièce numéro " + std::to_string(i) + " fin", "Transmise",
                      "acceptée, 1 page, 120 ko", "Commentaire du gestionnaire pour la pièce"});
  return pieces;
}

TEST(AssembleDossier, PutsTheCoverFirstThenEveryPieceInOrder) {
  std::vector<std::string> pieces = {
      fixtures::BornDigitalPdf({{"CURRICULUM VITAE"}, {"EXPERIENCES SUITE"}}),
      fixtures::ScannedPdf(Scan()), fixtures::BornDigitalPdf({{"LETTRE DE MOTIVATION"}})};
  std::string pdf = AssembleDossier(SampleCover(), pieces);

  EXPECT_EQ(testing::PopplerPageCount(pdf), 1 + 2 + 1 + 1);
  EXPECT_TRUE(testing::QpdfCheckPasses(pdf));
  std::string cover = PagesText(pdf, 1, 1);
  EXPECT_TRUE(Has(cover, "Licence Lettres modernes — parcours Édition")) << cover;
  EXPECT_TRUE(Has(cover, "Curriculum vitæ")) << cover;
  EXPECT_TRUE(Has(Squeezed(cover), "Relevédenotesdubaccalauréat")) << cover;
  EXPECT_TRUE(Has(cover, "INE déclaré : 1234567890V")) << cover;
  EXPECT_TRUE(Has(cover, "Incomplet")) << cover;
  EXPECT_TRUE(Has(Squeezed(cover), "Illisible:déposezunscanen300dpi.")) << cover;
  EXPECT_TRUE(Has(PagesText(pdf, 2, 2), "CURRICULUM VITAE"));
  EXPECT_TRUE(Has(PagesText(pdf, 3, 3), "EXPERIENCES SUITE"));
  EXPECT_TRUE(Has(PagesText(pdf, 5, 5), "LETTRE DE MOTIVATION"));
  // The scan's JPEG is carried over as it is, on its page.
  std::vector<testing::ListedImage> images = testing::PdfImagesList(pdf);
  ASSERT_EQ(images.size(), 1u);
  EXPECT_EQ(images[0].page, 4);
  EXPECT_EQ(images[0].encoding, "jpeg");
}

TEST(AssembleDossier, ALongListOfPiecesContinuesOnASecondCoverPage) {
  DossierCover cover = SampleCover();
  cover.pieces = NumberedPieces(40);
  std::string pdf = AssembleDossier(cover, {});
  ASSERT_EQ(testing::PopplerPageCount(pdf), 2);
  EXPECT_TRUE(testing::QpdfCheckPasses(pdf));
  std::string first = PagesText(pdf, 1, 1), second = PagesText(pdf, 2, 2);
  EXPECT_TRUE(Has(first, "Pièce numéro 1 fin"));
  EXPECT_FALSE(Has(first, "Pièce numéro 40 fin"));
  EXPECT_TRUE(Has(second, "Pièce numéro 40 fin"));
  EXPECT_TRUE(Has(second, "(suite)"));
  EXPECT_TRUE(Has(second, "page de garde 2 / 2"));
  for (int i = 1; i <= 40; ++i) {  // none lost at the page break, none twice
    std::string label = "Pièce numéro " + std::to_string(i) + " fin";
    EXPECT_NE(Has(first, label), Has(second, label)) << label;
  }
}

TEST(AssembleDossier, AFewPiecesFitOnOneCoverPage) {
  DossierCover cover = SampleCover();
  cover.pieces = NumberedPieces(8);
  std::string pdf = AssembleDossier(cover, {});
  EXPECT_EQ(testing::PopplerPageCount(pdf), 1);
  EXPECT_TRUE(Has(PagesText(pdf, 1, 1), "page de garde 1 / 1"));
}

TEST(AssembleDossier, WrapsALongCommentWithoutLosingAWord) {
  DossierCover cover = SampleCover();
  std::string comment;
  for (int i = 0; i < 60; ++i) comment += "motif" + std::to_string(i) + " ";
  comment += "https://candidatures.univ-exemple.fr/aide/" + std::string(120, 'x') + "/fin";
  cover.pieces[1].comment = comment;
  std::string pdf = AssembleDossier(cover, {});
  ASSERT_EQ(testing::PopplerPageCount(pdf), 1);
  EXPECT_TRUE(Has(Squeezed(PagesText(pdf, 1, 1)), Squeezed(comment)));
}

TEST(AssembleDossier, CutsACommentLongerThanAPageWithAnEllipsis) {
  DossierCover cover = SampleCover();
  std::string comment;
  for (int i = 0; i < 3000; ++i) comment += "mot" + std::to_string(i) + " ";
  cover.pieces = {{"Pièce bavarde", "Refusée", "refusée : trop volumineuse", comment}};
  std::string pdf = AssembleDossier(cover, {});
  ASSERT_EQ(testing::PopplerPageCount(pdf), 1);
  std::string text = PagesText(pdf, 1, 1);
  EXPECT_TRUE(Has(text, "mot0 mot1"));
  EXPECT_TRUE(Has(text, "…"));
  EXPECT_FALSE(Has(text, "mot2999"));
  EXPECT_TRUE(Has(text, "page de garde 1 / 1"));  // the footer is still there
}

TEST(AssembleDossier, ShowsFrenchAndMarksWhatTheFontCannotShow) {
  DossierCover cover = SampleCover();
  cover.pieces = {{"Pièce d’identité", "Validée", "acceptée", "Œuvre « complète » : 5 € — Ωmega"}};
  std::string text = PagesText(AssembleDossier(cover, {}), 1, 1);
  EXPECT_TRUE(Has(text, "Pièce d’identité")) << text;
  EXPECT_TRUE(Has(Squeezed(text), "Œuvre«complète»:5€—?mega")) << text;
}

TEST(AssembleDossier, KeepsASignedPiecesPagesWithoutItsSignature) {
  std::string pdf = AssembleDossier(SampleCover(), {fixtures::SignedPdf()});
  EXPECT_EQ(testing::PopplerPageCount(pdf), 2);
  EXPECT_TRUE(testing::QpdfCheckPasses(pdf));
  EXPECT_TRUE(Has(PagesText(pdf, 2, 2), "baccalauréat"));
}

TEST(AssembleDossier, NamesThePieceItCannotRead) {
  try {
    AssembleDossier(SampleCover(), {fixtures::BornDigitalPdf({{"CV"}}), "%PDF-1.4 garbage"});
    FAIL() << "assembled";
  } catch (const DossierAssemblyError& error) {
    EXPECT_TRUE(Has(error.what(), "pièce 2")) << error.what();
  }
}

TEST(WinAnsiText, KeepsFrenchAndReplacesTheRest) {
  EXPECT_EQ(ToWinAnsiRepertoire("Élève « œuvre » l’été : 5 € – Ž"),
            "Élève « œuvre » l’été : 5 € – Ž");
  EXPECT_EQ(ToWinAnsiRepertoire("Ω 😀 \xff!"), "? ? ?!");
  EXPECT_EQ(ToWinAnsiRepertoire("a\tb\r\nc\x01"), "a b\nc ");
  EXPECT_EQ(ToWinAnsiRepertoire("10\u202F%"), "10\u00A0%");
}

TEST(PrecheckSummary, SaysWhereThePieceStandsInFrench) {
  using messages::PrecheckFacts;
  using messages::PrecheckSummary;
  PrecheckFacts accepted{false, 1, "accepted", "", "conforme", 3, 683'000};
  EXPECT_EQ(PrecheckSummary(accepted), "acceptée, 3 pages, 683 ko, INE conforme");
  PrecheckFacts unchecked{false, 2, "accepted", "", "non_verifie", 1, 45'200};
  EXPECT_EQ(PrecheckSummary(unchecked), "acceptée, 1 page, 45 ko");
  PrecheckFacts refused{false, 1, "refused", "size", "", 0, 0};
  EXPECT_EQ(PrecheckSummary(refused), "refusée : trop volumineuse");
  PrecheckFacts different{false, 1, "accepted", "", "different", 1, 2'100'000};
  EXPECT_EQ(PrecheckSummary(different), "acceptée, 1 page, 2,1 Mo, INE différent de celui déclaré");
  EXPECT_EQ(PrecheckSummary({false, 1, "", "", "", 0, 0}), "en cours de traitement");
  EXPECT_EQ(PrecheckSummary({false, 0, "", "", "", 0, 0}), "non fournie");
  EXPECT_EQ(PrecheckSummary({true, 0, "", "", "", 0, 0}), "non concernée");
  EXPECT_EQ(PrecheckSummary({false, 1, "unprocessable", "", "", 0, 0}), "n'a pas pu être traitée");
}

}  // namespace
}  // namespace dossier
