#include <gtest/gtest.h>

#include <random>
#include <string>

#include "core/ine/IneNumber.h"
#include "processors/ine/IneReadings.h"

namespace dossier {
namespace {

std::string Base36(const std::string& ten) {
  return ten + Base36Key(ten);
}

TEST(IneReadings, AValidTokenIsItsOwnOnlyReading) {
  for (const char* ine : {"0123456789M", "A2B4C6D8E00", "123456789AB", "1234A56789Z"}) {
    IneReadings readings = EnumerateIneReadings(ine);
    ASSERT_EQ(readings.valid.size(), 1u) << ine;
    EXPECT_EQ(readings.valid[0].value, ine);
    EXPECT_EQ(readings.valid[0].swaps, 0);
  }
}

TEST(IneReadings, TheBase36KeyTellsALetterOFromADigit0) {
  // A2B4C6D8E00 printed, its tenth character read as the letter O: the key
  // refuses the O, and the declared INE is the reading.
  IneSettlement settled = SettleIneToken("A2B4C6D8EO0", "A2B4C6D8E00");
  ASSERT_TRUE(settled.reading.has_value());
  EXPECT_EQ(settled.reading->value, "A2B4C6D8E00");
  EXPECT_EQ(settled.reading->variant, IneVariant::Base36);
  EXPECT_EQ(settled.reading->swaps, 1);
  EXPECT_TRUE(settled.declared);
  // And the other way: a printed letter O read as the digit 0.
  const std::string printed = Base36("K7OMX3PRT2");
  IneSettlement back = SettleIneToken("K70MX3PRT2" + printed.substr(10), printed);
  ASSERT_TRUE(back.reading.has_value());
  EXPECT_EQ(back.reading->value, printed);
}

TEST(IneReadings, ASingleReadingNeedsNoDeclaredIne) {
  // A token with one valid reading at one swap, found by search.
  std::mt19937 random(11);
  const std::string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  for (int round = 0, found = 0; round < 100000 && found < 20; ++round) {
    std::string ten;
    for (int i = 0; i < 10; ++i) ten += alphabet[random() % alphabet.size()];
    const std::string printed = Base36(ten);
    std::string read = printed;
    const std::size_t at = random() % 10;
    if (read[at] != 'O') continue;
    read[at] = '0';
    IneReadings readings = EnumerateIneReadings(read);
    if (readings.valid.size() != 1) continue;
    ++found;
    IneSettlement settled = SettleIneToken(read, "");
    ASSERT_TRUE(settled.reading.has_value()) << read;
    EXPECT_EQ(settled.reading->value, printed) << read;
    EXPECT_FALSE(settled.declared);
  }
}

TEST(IneReadings, SettlesEachLookalikePairInABase36Body) {
  // Each printed letter, read as its digit, comes back through the key.
  for (auto [letter, digit] : {std::pair{'O', '0'},
                               {'I', '1'},
                               {'Z', '2'},
                               {'S', '5'},
                               {'B', '8'},
                               {'Q', '0'},
                               {'D', '0'}}) {
    std::string ten = "KXW3YT7M9P";
    ten[4] = letter;
    const std::string printed = Base36(ten);
    std::string read = printed;
    read[4] = digit;
    // A Q or a D read as 0 is a rare swap: cheaper readings may come first,
    // and only the declared INE brings it back.
    IneReadings readings = EnumerateIneReadings(read);
    bool found = false;
    for (const IneReading& r : readings.valid) found = found || r.value == printed;
    if (letter != 'Q' && letter != 'D') {
      EXPECT_TRUE(found) << printed << " read " << read;
    }
    IneSettlement settled = SettleIneToken(read, printed);
    ASSERT_TRUE(settled.reading.has_value()) << read;
    EXPECT_EQ(settled.reading->value, printed);
    EXPECT_TRUE(settled.declared);
  }
}

TEST(IneReadings, SettlesTheDigitsOfEachKeyedAndUnkeyedVariant) {
  IneSettlement bea = SettleIneToken("I234567B90V", "");
  ASSERT_TRUE(bea.reading.has_value());
  EXPECT_EQ(bea.reading->value, "1234567890V");
  EXPECT_EQ(bea.reading->variant, IneVariant::Bea);
  EXPECT_EQ(bea.reading->swaps, 2);
  IneSettlement rnie = SettleIneToken("S2345678OAB", "523456780AB");
  ASSERT_TRUE(rnie.reading.has_value());
  EXPECT_EQ(rnie.reading->value, "523456780AB");
  EXPECT_EQ(rnie.reading->variant, IneVariant::Rnie);
  EXPECT_EQ(rnie.reading->swaps, 2);
  // Lowercase arrives uppercased: a token is normalised first.
  EXPECT_FALSE(SettleIneToken("l234AS6789Z", "1234A56789Z").reading.has_value());
  IneSettlement apprenti = SettleIneToken("L234AS6789Z", "1234A56789Z");
  ASSERT_TRUE(apprenti.reading.has_value());
  EXPECT_EQ(apprenti.reading->value, "1234A56789Z");
  EXPECT_EQ(apprenti.reading->variant, IneVariant::Apprenti);
}

TEST(IneReadings, ABeaKeyLetterReadAsADigitComesBack) {
  std::string ten = "2468013575";
  ASSERT_EQ(BeaKey(ten), "B");
  IneSettlement settled = SettleIneToken(ten + "8", "");
  ASSERT_TRUE(settled.reading.has_value());
  EXPECT_EQ(settled.reading->value, ten + "B");
}

TEST(IneReadings, AnUnkeyedLetterReadAsADigitIsNeverGuessed) {
  // Apprenti declared 3482A78630D, read with a final 0: printed O (the
  // letter the 0 is drawn like) is as valid, and no key tells them apart.
  IneSettlement settled = SettleIneToken("3482A786300", "3482A78630D");
  EXPECT_FALSE(settled.declared);
  EXPECT_FALSE(settled.reading && settled.reading->value == "3482A78630D");
  // Undeclared, O, Q and D are all valid: nothing is guessed.
  IneSettlement undeclared = SettleIneToken("3482A786300", "");
  EXPECT_FALSE(undeclared.reading.has_value());
  EXPECT_TRUE(undeclared.ambiguous);
  // Read as the letter itself, it is what the candidate declared.
  IneSettlement plain = SettleIneToken("3482A78630D", "3482A78630D");
  ASSERT_TRUE(plain.reading.has_value());
  EXPECT_TRUE(plain.declared);
}

TEST(IneReadings, AZeroWhereAnUnkeyedIneHasTheLetterOIsThatO) {
  // A round 0 read where only a letter can stand is the round O: a Q or a D
  // would show its tail or its stem.
  IneSettlement settled = SettleIneToken("3482A786300", "3482A78630O");
  ASSERT_TRUE(settled.reading.has_value());
  EXPECT_EQ(settled.reading->value, "3482A78630O");
  EXPECT_TRUE(settled.declared);
}

TEST(IneReadings, APairTheBase36KeyCannotSeeIsNotSettledForTheDeclaredIne) {
  // G and 6 weigh the same in the key: printed A2B4CGD8E00 is valid, and so
  // is A2B4C6D8E00. A candidate who declared the 6 must not get `conforme`
  // from a page where OCR read the G, nor one who declared L for a 1.
  ASSERT_TRUE(ValidateIne("A2B4CGD8E00").valid);
  ASSERT_TRUE(ValidateIne("A2B4C6D8E00").valid);
  IneSettlement settled = SettleIneToken("A2B4CGD8E00", "A2B4C6D8E00");
  ASSERT_TRUE(settled.reading.has_value());
  EXPECT_EQ(settled.reading->value, "A2B4CGD8E00");  // the page says another INE
  EXPECT_FALSE(settled.declared);
  ASSERT_TRUE(ValidateIne("L2B4C6D8E06").valid);
  ASSERT_TRUE(ValidateIne("12B4C6D8E06").valid);
  EXPECT_FALSE(SettleIneToken("12B4C6D8E06", "L2B4C6D8E06").declared);
  // Read as the declared character, the same pair is no obstacle.
  EXPECT_TRUE(SettleIneToken("A2B4C6D8EO0", "A2B4C6D8E00").declared);
}

TEST(IneReadings, AnRnieLetterOrDigitNeverSettlesOnAMistypedDeclaration) {
  // Printed 523456780AB, declared 523456789AB (one digit off): no look-alike
  // turns the 0 into a 9, whatever OCR read there.
  for (const char* read : {"523456780AB", "52345678OAB", "52345678DAB"})
    EXPECT_FALSE(SettleIneToken(read, "523456789AB").declared) << read;
}

TEST(IneReadings, SeveralReadingsWithoutTheDeclaredOneStayAmbiguous) {
  // Find a token with two valid base-36 readings at one swap each.
  std::mt19937 random(7);
  const std::string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  std::string token;
  for (int round = 0; round < 100000 && token.empty(); ++round) {
    std::string candidate;
    for (int i = 0; i < 10; ++i) candidate += alphabet[random() % alphabet.size()];
    candidate += static_cast<char>('0' + random() % 10);
    IneReadings readings = EnumerateIneReadings(candidate);
    if (readings.valid.size() == 2 && readings.valid[0].swaps == 1) token = candidate;
  }
  ASSERT_FALSE(token.empty());
  IneReadings readings = EnumerateIneReadings(token);
  IneSettlement settled = SettleIneToken(token, "");
  EXPECT_FALSE(settled.reading.has_value()) << token;
  EXPECT_TRUE(settled.ambiguous);
  // Either reading, declared, is chosen: they differ in two places, which
  // no single typing mistake explains.
  for (const IneReading& reading : readings.valid) {
    IneSettlement declared = SettleIneToken(token, reading.value);
    ASSERT_TRUE(declared.reading.has_value()) << token << " " << reading.value;
    EXPECT_EQ(declared.reading->value, reading.value);
    EXPECT_TRUE(declared.declared);
  }
  // A third INE, valid but not among the readings, is never chosen.
  IneSettlement other = SettleIneToken(token, "1234567890V");
  EXPECT_FALSE(other.reading.has_value());
}

TEST(IneReadings, NeverSettlesOnAnInvalidIneAndBoundsTheSearch) {
  std::mt19937 random(20241203);
  const std::string alphabet = "0OQD1IL2Z5S8B6G4A7XKM";
  for (int round = 0; round < 3000; ++round) {
    std::string token;
    for (int i = 0; i < 11; ++i) token += alphabet[random() % alphabet.size()];
    IneReadings readings = EnumerateIneReadings(token);
    for (const IneReading& r : readings.valid) {
      IneValidation v = ValidateIne(r.value);
      EXPECT_TRUE(v.valid) << token << " -> " << r.value;
      EXPECT_EQ(v.variant, r.variant);
      EXPECT_LE(r.swaps, IneReadingLimits{}.max_swaps);
    }
    EXPECT_LE(readings.valid.size(), static_cast<std::size_t>(IneReadingLimits{}.max_readings));
  }
  // A search cut short settles nothing.
  IneReadingLimits tight;
  tight.max_visited = 5;
  ASSERT_TRUE(SettleIneToken("I234567B90V", "").reading.has_value());
  IneSettlement cut = SettleIneToken("I234567B90V", "", tight);
  EXPECT_FALSE(cut.reading.has_value());
  EXPECT_TRUE(cut.ambiguous);
}

TEST(IneReadings, KnowsTheShapeOfAMisreadIne) {
  EXPECT_TRUE(HasIneShape("I234567B90V"));
  EXPECT_TRUE(HasIneShape("A2B4C6D8EOZ"));  // key 2 read as Z
  EXPECT_FALSE(HasIneShape("OOOOOOOOOOV"));
  EXPECT_FALSE(HasIneShape("MATHEMATICS"));
  EXPECT_FALSE(HasIneShape("I234567B90"));
}

}  // namespace
}  // namespace dossier

namespace dossier {
namespace {

TEST(IneReadings, RefusesTokensOfTheWrongLengthOrShape) {
  for (const char* token : {"I234567B90", "I234567B90VV", "", "12345X7890V", "1234567E90V"})
    EXPECT_TRUE(EnumerateIneReadings(token).valid.empty()) << token;
  EXPECT_FALSE(SettleIneToken("I234567B90", "1234567890V").reading.has_value());
}

}  // namespace
}  // namespace dossier

namespace dossier {
namespace {

TEST(IneReadings, SevenAndZAndSerifIAndJAreLookalikes) {
  // An apprenti INE's final Z read as 7: the 7 cannot stand there, so the
  // declared Z is the reading.
  IneSettlement apprenti = SettleIneToken("2856A665907", "2856A66590Z");
  ASSERT_TRUE(apprenti.reading.has_value());
  EXPECT_TRUE(apprenti.declared);
  // An RNIE letter J read as I (not an RNIE letter): the declared J.
  IneSettlement rnie = SettleIneToken("123456789AI", "123456789AJ");
  ASSERT_TRUE(rnie.reading.has_value());
  EXPECT_TRUE(rnie.declared);
  // But where both letters are valid and nothing checks them, a J read is
  // a J: a candidate may have typed I for it.
  EXPECT_FALSE(SettleIneToken("5543A73753J", "5543A73753I").declared);
  EXPECT_TRUE(MayBeLookalike('7', 'Z'));
  EXPECT_TRUE(MayBeLookalike('Z', '2'));
  EXPECT_FALSE(MayBeLookalike('7', '2'));
}

TEST(IneReadings, OfSeveralReadingsTheOneOfCommonPairsIsChosen) {
  // Base 36 J1AJ1YNYWA8 printed, its second 1 read as I: 1 and L weigh the
  // same in the key, but OCR reads I for a 1, not for an L.
  ASSERT_TRUE(ValidateIne("J1AJ1YNYWA8").valid);
  ASSERT_TRUE(ValidateIne("J1AJLYNYWA8").valid);
  IneSettlement settled = SettleIneToken("J1AJIYNYWA8", "");
  ASSERT_TRUE(settled.reading.has_value());
  EXPECT_EQ(settled.reading->value, "J1AJ1YNYWA8");
  EXPECT_FALSE(settled.declared);
  // The same choice never makes the declared INE when its own evidence
  // fails: L declared, the page may show the 1.
  IneSettlement declared_l = SettleIneToken("J1AJIYNYWA8", "J1AJLYNYWA8");
  EXPECT_FALSE(declared_l.declared);
  EXPECT_FALSE(declared_l.reading && declared_l.reading->value == "J1AJLYNYWA8");
}

TEST(IneReadings, AOneWhereAnApprentiIneHasItsLetterIsTheI) {
  // Apprenti 3482A78630I printed, its final I read as 1: I and L are both
  // valid there and no key tells them apart, but a capital L, its foot flat
  // on the line, is never read as 1.
  ASSERT_TRUE(ValidateIne("3482A78630I").valid);
  ASSERT_TRUE(ValidateIne("3482A78630L").valid);
  IneSettlement undeclared = SettleIneToken("3482A786301", "");
  ASSERT_TRUE(undeclared.reading.has_value());
  EXPECT_EQ(undeclared.reading->value, "3482A78630I");
  IneSettlement declared = SettleIneToken("3482A786301", "3482A78630I");
  ASSERT_TRUE(declared.reading.has_value());
  EXPECT_TRUE(declared.declared);
  // L declared, the same 1 is the page's I: never `conforme`.
  IneSettlement declared_l = SettleIneToken("3482A786301", "3482A78630L");
  EXPECT_FALSE(declared_l.declared);
  ASSERT_TRUE(declared_l.reading.has_value());
  EXPECT_EQ(declared_l.reading->value, "3482A78630I");
  // An L read where a digit stands is still that digit's 1.
  IneSettlement digit = SettleIneToken("L482A78630I", "1482A78630I");
  ASSERT_TRUE(digit.reading.has_value());
  EXPECT_EQ(digit.reading->value, "1482A78630I");
  EXPECT_TRUE(digit.declared);
}

TEST(IneReadings, AMistypedDeclarationPicksTheNearestOfSeveralReadings) {
  // Printed MODMJVT2Z79, read MODMIVT2779; declared MODMJVT2Z39, whose key
  // the slip broke. Alone, the token has many readings.
  ASSERT_FALSE(ValidateIne("MODMJVT2Z39").valid);
  EXPECT_FALSE(SettleIneToken("MODMIVT2779", "").reading.has_value());
  IneSettlement settled = SettleIneToken("MODMIVT2779", "MODMJVT2Z39");
  ASSERT_TRUE(settled.reading.has_value());
  EXPECT_EQ(settled.reading->value, "MODMJVT2Z79");
  EXPECT_FALSE(settled.declared);
}

}  // namespace
}  // namespace dossier
