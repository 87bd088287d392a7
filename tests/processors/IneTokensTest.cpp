#include "processors/ine/IneTokens.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dossier {
namespace {

using Tokens = std::vector<std::string>;

TEST(IneTokens, FindsTheIneAfterItsLabelInFrenchLines) {
  EXPECT_EQ(FindIneTokens("Numéro INE : 0123456789M"), Tokens{"0123456789M"});
  EXPECT_EQ(FindIneTokens("Identifiant national étudiant (INE) 123456789AB"),
            Tokens{"123456789AB"});
  EXPECT_EQ(FindIneTokens("BEA 1234567890V"), Tokens{"1234567890V"});
  EXPECT_EQ(FindIneTokens("N° INE : 1234567890V"), Tokens{"1234567890V"});
  EXPECT_EQ(FindIneTokens("INE: 123456789AB"), Tokens{"123456789AB"});
  EXPECT_EQ(FindIneTokens("N°INE:1234A56789Z."), Tokens{"1234A56789Z"});
}

TEST(IneTokens, FindsEachShape) {
  EXPECT_EQ(FindIneTokens("INE A2B4C6D8E00"), Tokens{"A2B4C6D8E00"});
  EXPECT_EQ(FindIneTokens("ine 1234567890v"), Tokens{"1234567890V"});
}

TEST(IneTokens, JoinsAnIneWrittenInGroups) {
  EXPECT_EQ(FindIneTokens("INE : 1234 567 890 V"), Tokens{"1234567890V"});
  EXPECT_EQ(FindIneTokens("INE : 12345 67890V"), Tokens{"1234567890V"});
  EXPECT_EQ(FindIneTokens("INE : 123 456 789 AB"), Tokens{"123456789AB"});
  EXPECT_EQ(FindIneTokens("INE : 1234.567.890.V"), Tokens{"1234567890V"});
  EXPECT_EQ(FindIneTokens("INE : A2B4 C6D8 E00"), Tokens{"A2B4C6D8E00"});
}

TEST(IneTokens, JoinsGroupsSeparatedByNoBreakSpaces) {
  EXPECT_EQ(FindIneTokens("INE\xC2\xA0: 1234\xC2\xA0"
                          "567\xE2\x80\xAF"
                          "890\xC2\xA0V"),
            Tokens{"1234567890V"});
}

TEST(IneTokens, FindsOcrOutputWithLookalikeLetters) {
  EXPECT_EQ(FindIneTokens("INE : O123456789M"), Tokens{"O123456789M"});
  EXPECT_EQ(FindIneTokens("INE I234567B90V"), Tokens{"I234567B90V"});
  EXPECT_EQ(FindIneTokens("lNE 1O2345678SO"), Tokens{"1O2345678SO"});
}

TEST(IneTokens, ReturnsTokensInOrderWithoutDuplicates) {
  std::string page =
      "Relevé de notes\nINE : 1234567890V\nBEA 0123456789M\nRappel INE 1234 567 890 V\n";
  EXPECT_EQ(FindIneTokens(page), (Tokens{"1234567890V", "0123456789M"}));
}

TEST(IneTokens, DoesNotMistakeDatesAndGradesForAnIne) {
  for (const char* line :
       {"Né le 12/06/2004 Moyenne 14.25/20", "12/06/2024 15.5", "Session du 12.06.2024 12.5",
        "12.06.2024 12.5/20", "Session 2024 : admis", "Session 2024", "Mention Bien 16.45"})
    EXPECT_TRUE(FindIneTokens(line).empty()) << line;
}

TEST(IneTokens, DoesNotMistakePhoneAndLongNumbersForAnIne) {
  for (const char* line : {"Tél. : 06 12 34 56 78", "Tél. : +33612345678",
                           "SIRET 123 456 789 00012", "IBAN FR76 3000 6000 0112 3456 7890 189",
                           "Dossier 12345678901234", "Référence 12345 678 901 23"})
    EXPECT_TRUE(FindIneTokens(line).empty()) << line;
}

TEST(IneTokens, DoesNotMistakeWordsForAnIne) {
  for (const char* line :
       {"PHILOSOPHIE", "MATHEMATICS", "Sciences économiques", "OOOOOOOOOOV", "ID1234567890V"})
    EXPECT_TRUE(FindIneTokens(line).empty()) << line;
}

TEST(IneTokens, KeepsTheIneApartFromNumbersAroundIt) {
  EXPECT_EQ(FindIneTokens("Né le 12/06/2004 INE 123456789AB moyenne 12.5"), Tokens{"123456789AB"});
  EXPECT_EQ(FindIneTokens("2004 INE 1234567890V 12"), Tokens{"1234567890V"});
}

TEST(IneTokens, AnchorsOnEachIneLabel) {
  for (const char* line :
       {"INE : 123", "N° INE", "N°INE", "No INE", "Numéro INE", "ine",
        "Identifiant national étudiant", "identifiant national",
        "IDENTIFIANT NATIONAL ETUDIANT : 123456789AB", "BEA 1234567890V", "(INE)"})
    EXPECT_TRUE(HasIneAnchor(line)) << line;
}

TEST(IneTokens, AnchorsOnlyOnWholeWords) {
  for (const char* line : {"MACHINE", "LINEAIRE", "LINÉAIRE", "TARTINE", "Inès Dupont", "INES",
                           "BEAUCOUP", "identifiant", "Numéro national", "caféine", "PROTÉINE", ""})
    EXPECT_FALSE(HasIneAnchor(line)) << line;
}

}  // namespace
}  // namespace dossier

namespace dossier {
namespace {

TEST(IneTokens, AnchorsOnACoarseMisreadingOfTheLabelOnlyAfterNumero) {
  EXPECT_TRUE(HasIneAnchor("N°INF"));
  EXPECT_TRUE(HasIneAnchor("N° 1NE : 1234567890V"));
  EXPECT_FALSE(HasIneAnchor("INF 101 : algorithmique"));
  EXPECT_FALSE(HasIneAnchor("Note 1NE"));
}

}  // namespace
}  // namespace dossier
