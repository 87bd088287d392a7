// One OCR'd line: the INE found after a label, or by its shape alone, and
// the numbers that must not pass for one.
#include <gtest/gtest.h>

#include <string>

#include "core/ine/IneNumber.h"
#include "processors/ine/IneOnLine.h"
#include "processors/ine/IneTokens.h"

namespace dossier {
namespace {

// A line as Tesseract would return it, every character read with `confidence`.
OcrLine Line(const std::string& text, float confidence = 95) {
  OcrLine line;
  line.confidence = confidence;
  bool word_start = true;
  for (char c : text) {
    if (c == ' ') {
      word_start = true;
      continue;
    }
    line.symbols.push_back({std::string(1, c), confidence, word_start});
    word_start = false;
  }
  return line;
}

// What the reader keeps of a line with no label in sight.
std::string Unlabelled(const std::string& text, const std::string& declared = "") {
  std::optional<IneLineRead> read = ReadIneOnLine(Line(text), declared);
  return read && TrustedWithoutLabel(*read) ? read->value : "";
}

TEST(IneOnLine, ReadsABase36PrintedWithTheLetterOForTheDigit0) {
  std::optional<IneLineRead> read = ReadIneOnLine(Line("INE : A2B4C6D8EO0"), "A2B4C6D8E00");
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(read->value, "A2B4C6D8E00");
  EXPECT_EQ(read->corrections, 1);
  // Undeclared, other readings pass the key as well (one chance in ten
  // each): the token stays unread rather than guessed.
  std::optional<IneLineRead> undeclared = ReadIneOnLine(Line("INE : A2B4C6D8EO0"));
  ASSERT_TRUE(undeclared.has_value());
  EXPECT_TRUE(undeclared->value.empty());
  EXPECT_TRUE(undeclared->ambiguous);
}

TEST(IneOnLine, LeavesAnAmbiguousApprentiLetterUnread) {
  std::optional<IneLineRead> read = ReadIneOnLine(Line("N° INE 3482A786300"));
  ASSERT_TRUE(read.has_value());     // an INE-shaped token is there…
  EXPECT_TRUE(read->value.empty());  // …but O, Q or D, nobody can tell
  EXPECT_TRUE(read->ambiguous);
  // Declared with a D, the page may as well show an O: not settled as D.
  std::optional<IneLineRead> d = ReadIneOnLine(Line("N° INE 3482A786300"), "3482A78630D");
  ASSERT_TRUE(d.has_value());
  EXPECT_NE(d->value, "3482A78630D");
}

TEST(IneOnLine, FindsAnIneWithoutLabelByItsShape) {
  EXPECT_EQ(Unlabelled("MARTIN Camille A2B4C6D8E00"), "A2B4C6D8E00");
  EXPECT_EQ(Unlabelled("DUBOIS Chloé 1234567890V"), "1234567890V");
  EXPECT_EQ(Unlabelled("PETIT Manon 123456789AB"), "123456789AB");
  EXPECT_EQ(Unlabelled("ROUX Maël A2B4C6D8EO0", "A2B4C6D8E00"), "A2B4C6D8E00");  // O/0
  EXPECT_EQ(Unlabelled("LEROY Sarah 3482A78630O", "3482A78630O"), "3482A78630O");
}

TEST(IneOnLine, DoesNotTakeDatesPhonesOrFileNumbersForAnUnlabelledIne) {
  // An 11-digit file number whose base-36 key happens to hold.
  std::string ten = "2024120373";
  std::string number = ten + Base36Key(ten);
  ASSERT_TRUE(ValidateIne(number).valid);
  for (const std::string& text :
       {"N° de dossier : " + number, std::string("Né le : 12/03/2005 à Lyon (69)"),
        std::string("Téléphone : 06 12 03 05 47"), std::string("Tél. : +33612345678"),
        std::string("N° de candidat : 12345 67890")})
    EXPECT_EQ(Unlabelled(text), "") << text;
}

TEST(IneOnLine, KeepsAnUnkeyedReadingWithLookalikesOnlyUnderALabel) {
  // RNIE digits read as letters: valid once swapped, but no key vouches for
  // it, so without a label it is not taken; as read, it is.
  IneLineRead swapped{"S2345678OAB", "523456780AB", IneVariant::Rnie, 2, 95, false, false, 90};
  EXPECT_FALSE(TrustedWithoutLabel(swapped));
  IneLineRead as_read{"523456780AB", "523456780AB", IneVariant::Rnie, 0, 95, false, false, 90};
  EXPECT_TRUE(TrustedWithoutLabel(as_read));
  IneLineRead keyed{"I234567B90V", "1234567890V", IneVariant::Bea, 2, 95, false, false, 90};
  EXPECT_TRUE(TrustedWithoutLabel(keyed));
}

TEST(IneOnLine, TakesNoUnlabelledIneFromALineReadWithoutConfidence) {
  // Upside-down text: each character read with confidence, the line not.
  std::optional<IneLineRead> read = ReadIneOnLine(Line("S1NN02U02J3", 30));
  ASSERT_TRUE(read.has_value());
  EXPECT_FALSE(TrustedWithoutLabel(*read));
  read->line_confidence = 90;
  EXPECT_EQ(TrustedWithoutLabel(*read), !read->value.empty());
}

TEST(IneOnLine, AnchorsOnTheNewLabels) {
  for (const char* line :
       {"Identifiant National Élève : A2B4C6D8E00", "INE : 1234567890V", "N° INE",
        "Identifiant national étudiant", "Identifiant national élève (INE)",
        "Nom          Prénom          INE                  Né(e) le"})
    EXPECT_TRUE(HasIneAnchor(line)) << line;
}

}  // namespace
}  // namespace dossier
