#include "processors/ine/IneLookalikes.h"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>

#include "processors/ine/IneNumber.h"

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
  // In a base-36 INE, O is a letter like any other: "O2B4C6D8E0…" is not
  // read as "02B4C6D8E0…", whose key differs.
  std::string ten = "02B4C6D8E0";
  std::string misread = "O" + ten.substr(1) + Base36Key(ten);
  ASSERT_FALSE(ValidateIne(misread).valid);
  EXPECT_TRUE(IneCandidatesFromOcr(misread).empty());
}

TEST(IneLookalikes, NeverInventsALetterFromADigit) {
  // 8 for B in an RNIE letter position, 1 for I/L in a BEA key position.
  ASSERT_FALSE(ValidateIne("123456789A8").valid);
  EXPECT_TRUE(IneCandidatesFromOcr("123456789A8").empty());
  ASSERT_FALSE(ValidateIne("12345678901").valid);
  EXPECT_TRUE(IneCandidatesFromOcr("12345678901").empty());
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
