#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>

#include "core/ine/IneNumber.h"
#include "processors/ine/IneLookalikes.h"

namespace dossier {
namespace {

std::string Bea(const std::string& digits) {
  return digits + BeaKey(digits);
}

TEST(IneLookalikes, CorrectsTheExampleToItsBea) {
  std::vector<IneCandidate> found = IneCandidatesFromOcr("I234567B90V");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "1234567890V");
  EXPECT_EQ(found[0].variant, IneVariant::Bea);
  EXPECT_EQ(found[0].corrections, 2);
}

TEST(IneLookalikes, AValidTokenComesBackWithZeroCorrections) {
  for (const char* ine : {"0123456789M", "A2B4C6D8E00", "123456789AB", "1234A56789Z"}) {
    std::vector<IneCandidate> found = IneCandidatesFromOcr(ine);
    ASSERT_EQ(found.size(), 1u) << ine;
    EXPECT_EQ(found[0].value, ine);
    EXPECT_EQ(found[0].corrections, 0);
  }
}

TEST(IneLookalikes, NormalisesTheTokenFirst) {
  std::vector<IneCandidate> found = IneCandidatesFromOcr("i234 567b90 v");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "1234567890V");
}

TEST(IneLookalikes, CorrectsEachLookalikeInADigitPosition) {
  const std::pair<char, char> lookalikes[] = {
      {'O', '0'}, {'I', '1'}, {'L', '1'}, {'S', '5'}, {'B', '8'}};
  for (auto [letter, digit] : lookalikes) {
    std::string digits = std::string("31") + digit + "4159265";  // the look-alike's digit third
    std::string ine = Bea(digits);
    std::string misread = ine;
    misread[2] = letter;
    std::vector<IneCandidate> found = IneCandidatesFromOcr(misread);
    ASSERT_EQ(found.size(), 1u) << misread;
    EXPECT_EQ(found[0].value, ine) << misread;
    EXPECT_EQ(found[0].corrections, 1) << misread;
  }
}

TEST(IneLookalikes, CorrectsLookalikesInRnieAndApprentiDigits) {
  std::vector<IneCandidate> rnie = IneCandidatesFromOcr("S2345678OAB");
  ASSERT_EQ(rnie.size(), 1u);
  EXPECT_EQ(rnie[0].value, "523456780AB");
  EXPECT_EQ(rnie[0].variant, IneVariant::Rnie);
  EXPECT_EQ(rnie[0].corrections, 2);
  std::vector<IneCandidate> apprenti = IneCandidatesFromOcr("l234AS6789Z");
  ASSERT_EQ(apprenti.size(), 1u);
  EXPECT_EQ(apprenti[0].value, "1234A56789Z");
  EXPECT_EQ(apprenti[0].variant, IneVariant::Apprenti);
}

TEST(IneLookalikes, CorrectsTheKeyDigitOfABase36) {
  std::vector<IneCandidate> found = IneCandidatesFromOcr("A2B4C6D8E0O");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "A2B4C6D8E00");
  EXPECT_EQ(found[0].variant, IneVariant::Base36);
  EXPECT_EQ(found[0].corrections, 1);
}

TEST(IneLookalikes, LeavesTheFirstTenCharactersOfABase36AsRead) {
  // In a base-36 INE, O is a letter like any other; its key is too weak
  // (one chance in ten) to tell a right reading from a lucky one.
  std::string ten = "02B4C6D8E0";
  std::string misread = "O" + ten.substr(1) + Base36Key(ten);
  ASSERT_FALSE(ValidateIne(misread).valid);
  EXPECT_TRUE(IneCandidatesFromOcr(misread).empty());
}

TEST(IneLookalikes, ReadsAsTheDeclaredIneThroughLookalikes) {
  EXPECT_TRUE(ReadsAs("SMSOIL3SAL1", "5MS0IL3SAL1"));  // base 36, S/5 and O/0
  EXPECT_TRUE(ReadsAs("I23456789OV", "1234567890V"));  // BEA digits
  EXPECT_TRUE(ReadsAs("OUD1ZS8L900", "OUD1ZS8L9Q0"));  // Q read as 0
  EXPECT_TRUE(ReadsAs("FLIRHNAXRE2", "FL1RHN4XRE2"));  // base 36, I/1 and A/4
  EXPECT_TRUE(ReadsAs("3482A786300", "3482A78630O"));  // apprenti ending in the letter O
}

TEST(IneLookalikes, DoesNotReadAsTheDeclaredIneWhenACharacterReallyDiffers) {
  EXPECT_FALSE(ReadsAs("1234567891V", "1234567890V"));  // another digit
  EXPECT_FALSE(ReadsAs("AVHOFMEWT11", "AVHOFMFWT11"));  // E is not F
  EXPECT_FALSE(ReadsAs("2001A021721", "2001A02172I"));  // apprenti: 1 could be I or T
  EXPECT_FALSE(ReadsAs("G2B4C6D8E00", "62B4C6D8E00"));  // base 36: G/6 escapes the key
  EXPECT_FALSE(ReadsAs("1234567890V", "1234567890W"));  // declared invalid
}

TEST(IneLookalikes, ReadsADigitInALetterPositionAsItsLetter) {
  // A digit cannot stand where only a letter can; where the BEA key checks
  // it, 8 is read as B.
  std::string ten = "2468013575";
  std::string key = BeaKey(ten);
  ASSERT_EQ(key, "B") << "pick ten digits whose key is B";
  std::vector<IneCandidate> bea = IneCandidatesFromOcr(ten + "8");
  ASSERT_EQ(bea.size(), 1u);
  EXPECT_EQ(bea[0].value, ten + "B");
  EXPECT_EQ(bea[0].corrections, 1);
}

TEST(IneLookalikes, LeavesALetterOfAFormatOnlyIneUnguessed) {
  // Printed 8360A90266T, read 8360A902661: the 1 could be an I or a T, and
  // no key would tell, so nothing is offered.
  EXPECT_TRUE(IneCandidatesFromOcr("8360A902661").empty());
}

TEST(IneLookalikes, StillRefusesALetterThatFailsTheKey) {
  // 1 in the BEA key position would be an I, which no BEA key uses.
  ASSERT_FALSE(ValidateIne("12345678901").valid);
  for (const IneCandidate& candidate : IneCandidatesFromOcr("12345678901"))
    EXPECT_NE(candidate.variant, IneVariant::Bea);
}

TEST(IneLookalikes, RefusesLettersInDigitPositionsWhenNoLookalikeApplies) {
  for (const char* token : {"12345Z7890V", "A234567890V", "1234567E90V", "12345678Z0M"})
    EXPECT_TRUE(IneCandidatesFromOcr(token).empty()) << token;
}

TEST(IneLookalikes, RefusesACorrectionWhoseKeyIsWrong) {
  EXPECT_TRUE(IneCandidatesFromOcr("I234567B90W").empty());
}

TEST(IneLookalikes, RefusesTokensOfTheWrongLength) {
  EXPECT_TRUE(IneCandidatesFromOcr("I234567B90").empty());
  EXPECT_TRUE(IneCandidatesFromOcr("I234567B90VV").empty());
  EXPECT_TRUE(IneCandidatesFromOcr("").empty());
}

// A token ending in S may be a BEA with key S or a base 36 with key 5; here
// the BEA needs two corrections (BB for 88) and the base 36 only one (S->5),
// so the base 36 comes first although BEA is listed before it.
TEST(IneLookalikes, ListsFewestCorrectionsFirst) {
  std::string token;
  for (long n = 8800000000; n < 8800100000 && token.empty(); ++n) {
    std::string digits = std::to_string(n);
    std::string read = "BB" + digits.substr(2);
    if (BeaKey(digits) == "S" && Base36Key(read) == '5') token = read + "S";
  }
  ASSERT_FALSE(token.empty());
  std::vector<IneCandidate> found = IneCandidatesFromOcr(token);
  ASSERT_EQ(found.size(), 2u) << token;
  EXPECT_EQ(found[0].variant, IneVariant::Base36);
  EXPECT_EQ(found[0].value, token.substr(0, 10) + "5");
  EXPECT_EQ(found[0].corrections, 1);
  EXPECT_EQ(found[1].variant, IneVariant::Bea);
  EXPECT_EQ(found[1].value, "88" + token.substr(2));
  EXPECT_EQ(found[1].corrections, 2);
}

TEST(IneLookalikes, NeverReturnsAnInvalidOrDuplicateIne) {
  std::mt19937 random(20240612);
  const std::string alphabet = "0123456789OILSBABCDEHJKMVZ";
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  int candidates = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string token;
    for (int i = 0; i < 11; ++i) token += alphabet[pick(random)];
    std::set<std::string> values;
    int previous = 0;
    for (const IneCandidate& c : IneCandidatesFromOcr(token)) {
      IneValidation v = ValidateIne(c.value);
      EXPECT_TRUE(v.valid) << token << " -> " << c.value;
      EXPECT_EQ(v.variant, c.variant) << c.value;
      EXPECT_TRUE(values.insert(c.value).second) << token;
      EXPECT_GE(c.corrections, previous) << token;
      previous = c.corrections;
      ++candidates;
    }
  }
  EXPECT_GT(candidates, 0);  // the sample did exercise the corrections
}

TEST(IneLookalikes, FitsAShapeWithoutCheckingTheKey) {
  std::optional<IneCandidate> fit = FitIneShape("I234567B90W", IneVariant::Bea);
  ASSERT_TRUE(fit.has_value());
  EXPECT_EQ(fit->value, "1234567890W");
  EXPECT_EQ(fit->corrections, 2);
  EXPECT_FALSE(FitIneShape("I234567B90W", IneVariant::Rnie).has_value());
  EXPECT_FALSE(FitIneShape("I234567B90W", IneVariant::Base36).has_value());
  EXPECT_FALSE(FitIneShape("I234567B90W", IneVariant::Apprenti).has_value());
}

}  // namespace
}  // namespace dossier

namespace dossier {
namespace {

TEST(IneLookalikes, SeesAnotherIneInADigitThatDiffers) {
  EXPECT_TRUE(ShowsAnotherIne("2001A021721", "2001A02572I"));   // 1 where 5 is declared
  EXPECT_FALSE(ShowsAnotherIne("8360A902661", "8360A90266T"));  // only the letter is unsure
  EXPECT_FALSE(ShowsAnotherIne("I234567890V", "1234567890V"));  // a look-alike, not a digit
  EXPECT_TRUE(ShowsAnotherIne("YEBYOPLLBJ5", "YEBY5PLLBJ5"));   // an O is a 0, never a 5
  EXPECT_FALSE(ShowsAnotherIne("1570812286J", "157081228JJ"));  // a digit where a letter is
}

TEST(IneLookalikes, SpellsTheBestReadingInTheDeclaredShape) {
  EXPECT_EQ(BestReading("2001A021721", "2001A02572I"), "2001A02172I");
  EXPECT_EQ(BestReading("I234567890V", "1234567891W"), "1234567890V");
  EXPECT_EQ(BestReading("YEBYOPLLBJ5", "YEBY5PLLBJ5"),
            "YEBY0PLLBJ5");  // base 36: a digit declared there
}

}  // namespace
}  // namespace dossier
