#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/ine/IneNumber.h"
#include "core/ine/IneVariant.h"

namespace dossier {
namespace {

// Keys computed here another way than the module does, so that a wrong
// formula in the module cannot agree with itself.
char ReferenceBeaKey(const std::string& ten_digits) {
  int remainder = 0;  // long division, digit by digit
  for (char c : ten_digits) remainder = (remainder * 10 + (c - '0')) % 23;
  return std::string("ABCDEFGHJKLMNPRSTUVWXYZ")[remainder];
}

int Value36(char c) {
  return std::stoi(std::string(1, c), nullptr, 36);
}

char ReferenceBase36Key(const std::string& ten) {
  int sum = 0;
  for (int i = 0; i < 9; ++i) sum += Value36(ten[i]);
  return std::to_string(6 * sum + Value36(ten[9])).back();
}

const std::vector<std::string> kBeaDigits = {"1234567890", "0123456789", "9876543210",
                                             "9999999998", "0000000001", "2021123456"};
const std::vector<std::string> kBase36Chars = {"A2B4C6D8E0", "ZZZZZZZZZZ", "0A1B2C3D4E",
                                               "1234567890", "UNIV2024XY"};

std::string ValidBea(const std::string& digits) {
  return digits + ReferenceBeaKey(digits);
}
std::string ValidBase36(const std::string& ten) {
  return ten + ReferenceBase36Key(ten);
}

const std::string kBase36Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

TEST(IneVariant, CodesNameEachVariantForReports) {
  EXPECT_STREQ(IneVariantCode(IneVariant::Rnie), "rnie");
  EXPECT_STREQ(IneVariantCode(IneVariant::Bea), "bea");
  EXPECT_STREQ(IneVariantCode(IneVariant::Base36), "base36");
  EXPECT_STREQ(IneVariantCode(IneVariant::Apprenti), "apprenti");
}

TEST(IneNumber, NormaliseRemovesSpacesDotsDashesAndUppercases) {
  EXPECT_EQ(NormaliseIne("1234 567.890-v"), "1234567890V");
  EXPECT_EQ(NormaliseIne("  0123456789m\n"), "0123456789M");
  EXPECT_EQ(NormaliseIne("a2b4\tc6d8 e00"), "A2B4C6D8E00");
}

TEST(IneNumber, NormaliseRemovesNoBreakSpaces) {
  EXPECT_EQ(NormaliseIne("1234\xC2\xA0"
                         "567\xE2\x80\xAF"
                         "890\xC2\xA0V"),
            "1234567890V");
}

TEST(IneNumber, NormaliseKeepsOtherCharactersForValidationToReport) {
  EXPECT_EQ(NormaliseIne("1234/567890v"), "1234/567890V");
  EXPECT_FALSE(ValidateIne(NormaliseIne("1234/567890v")).valid);
}

TEST(IneNumber, AcceptsTheWorkedExamples) {
  for (const char* bea : {"1234567890V", "0123456789M"}) {
    IneValidation v = ValidateIne(bea);
    EXPECT_TRUE(v.valid) << bea << ": " << v.why;
    EXPECT_EQ(v.variant, IneVariant::Bea) << bea;
    EXPECT_TRUE(v.why.empty());
  }
  IneValidation v = ValidateIne("A2B4C6D8E00");
  EXPECT_TRUE(v.valid) << v.why;
  EXPECT_EQ(v.variant, IneVariant::Base36);
}

TEST(IneNumber, KeysOfTheWorkedExamples) {
  EXPECT_EQ(BeaKey("1234567890"), "V");
  EXPECT_EQ(BeaKey("0123456789"), "M");
  EXPECT_EQ(Base36Key("A2B4C6D8E0"), '0');
}

TEST(IneNumber, BeaKeyIsTheLetterOfTheNumberModulo23) {
  for (const std::string& digits : kBeaDigits) {
    EXPECT_EQ(BeaKey(digits), std::string(1, ReferenceBeaKey(digits))) << digits;
    EXPECT_TRUE(ValidateIne(ValidBea(digits)).valid) << ValidBea(digits);
  }
}

TEST(IneNumber, BeaKeyHandlesNumbersBeyond32Bits) {
  // 9999999998 mod 23 = 9999999998 - 23 * 434782608 = 14 -> R
  EXPECT_EQ(BeaKey("9999999998"), "R");
}

TEST(IneNumber, Base36KeyIsTheLastDigitOfSixTimesTheSumPlusTheTenth) {
  for (const std::string& ten : kBase36Chars) {
    EXPECT_EQ(Base36Key(ten), ReferenceBase36Key(ten)) << ten;
    IneValidation v = ValidateIne(ValidBase36(ten));
    EXPECT_TRUE(v.valid) << ValidBase36(ten) << ": " << v.why;
    EXPECT_EQ(v.variant, IneVariant::Base36);
  }
}

TEST(IneNumber, KeyFunctionsRefuseInputsOfTheWrongShape) {
  EXPECT_EQ(BeaKey("123456789"), "");
  EXPECT_EQ(BeaKey("123456789A"), "");
  EXPECT_EQ(Base36Key("A2B4C6D8E"), '\0');
  EXPECT_EQ(Base36Key("a2b4c6d8e0"), '\0');
}

TEST(IneNumber, EveryOtherBeaKeyLetterIsRefusedNamingTheExpectedOne) {
  IneValidation v = ValidateIne("1234567890W");
  EXPECT_FALSE(v.valid);
  EXPECT_EQ(v.variant, IneVariant::Bea);
  EXPECT_NE(v.why.find("expected V"), std::string::npos) << v.why;
  for (char key = 'A'; key <= 'Z'; ++key) {
    if (key == 'V') continue;
    EXPECT_FALSE(ValidateIne(std::string("1234567890") + key).valid) << key;
  }
}

TEST(IneNumber, EverySingleDigitChangeBreaksABeaKey) {
  for (const std::string& digits : kBeaDigits) {
    std::string ine = ValidBea(digits);
    for (std::size_t pos = 0; pos < 10; ++pos) {
      for (char d = '0'; d <= '9'; ++d) {
        if (d == ine[pos]) continue;
        std::string changed = ine;
        changed[pos] = d;
        EXPECT_FALSE(ValidateIne(changed).valid) << ine << " -> " << changed;
      }
    }
  }
}

TEST(IneNumber, RefusesTenIdenticalDigitsEvenWithTheirKey) {
  for (char d = '0'; d <= '9'; ++d) {
    std::string digits(10, d);
    std::string ine = digits + BeaKey(digits);
    IneValidation v = ValidateIne(ine);
    EXPECT_FALSE(v.valid) << ine;
    EXPECT_EQ(v.variant, IneVariant::Bea);
    EXPECT_NE(v.why.find("identical"), std::string::npos) << v.why;
  }
}

TEST(IneNumber, Base36KeyCatchesEveryChangeOfTheKeyDigit) {
  for (const std::string& ten : kBase36Chars) {
    std::string ine = ValidBase36(ten);
    for (char d = '0'; d <= '9'; ++d) {
      if (d == ine[10]) continue;
      IneValidation v = ValidateIne(ine.substr(0, 10) + d);
      EXPECT_FALSE(v.valid) << ine << " with key " << d;
      EXPECT_NE(v.why.find(std::string("expected ") + ine[10]), std::string::npos) << v.why;
    }
  }
}

// The key weighs the first nine characters by 6 and the tenth by 1 modulo 10:
// a change by a multiple of 5 (10 for the tenth) goes unseen, any other is
// caught. Digit-for-digit, only 0<->5, 1<->6, 2<->7, 3<->8, 4<->9 in the first
// nine positions slip through.
TEST(IneNumber, Base36KeyCatchesEverySingleChangeExceptShiftsByMultiplesOfFive) {
  for (const std::string& ten : kBase36Chars) {
    std::string ine = ValidBase36(ten);
    for (std::size_t pos = 0; pos < 10; ++pos) {
      for (char c : kBase36Alphabet) {
        if (c == ine[pos]) continue;
        std::string changed = ine;
        changed[pos] = c;
        int shift = Value36(c) - Value36(ine[pos]);
        bool unseen = pos < 9 ? shift % 5 == 0 : shift % 10 == 0;
        EXPECT_EQ(ValidateIne(changed).valid, unseen) << ine << " -> " << changed;
      }
    }
  }
}

TEST(IneNumber, Base36KeyMissesADigitShiftedByFive) {
  // Why the declared INE is compared character by character, not by key.
  EXPECT_TRUE(ValidateIne("A7B4C6D8E00").valid);
}

TEST(IneNumber, AcceptsRnieWithTwoLettersFromAToK) {
  for (const char* ine : {"123456789AB", "123456789JK", "000000000HA"}) {
    IneValidation v = ValidateIne(ine);
    EXPECT_TRUE(v.valid) << ine << ": " << v.why;
    EXPECT_EQ(v.variant, IneVariant::Rnie);
  }
}

TEST(IneNumber, RefusesRnieLettersOutsideAToK) {
  for (const char* ine : {"123456789AI", "123456789LA", "123456789ZZ"}) {
    IneValidation v = ValidateIne(ine);
    EXPECT_FALSE(v.valid) << ine;
    EXPECT_EQ(v.variant, IneVariant::Rnie) << ine;
    EXPECT_NE(v.why.find("A-H, J, K"), std::string::npos) << v.why;
  }
}

TEST(IneNumber, AcceptsApprentiByFormat) {
  IneValidation v = ValidateIne("1234A56789Z");
  EXPECT_TRUE(v.valid) << v.why;
  EXPECT_EQ(v.variant, IneVariant::Apprenti);
}

TEST(IneNumber, RefusesStringsThatFitNoShape) {
  for (const char* ine : {"1234B56789Z", "A234567890V", "12345678ABC", "ABCDEFGHIJK"}) {
    IneValidation v = ValidateIne(ine);
    EXPECT_FALSE(v.valid) << ine;
    EXPECT_FALSE(v.variant.has_value()) << ine;
    EXPECT_NE(v.why.find("no INE shape"), std::string::npos) << v.why;
  }
}

TEST(IneNumber, RefusesTheWrongLengthSayingSo) {
  for (const char* ine : {"", "1234567890", "1234567890VV"}) {
    IneValidation v = ValidateIne(ine);
    EXPECT_FALSE(v.valid) << ine;
    EXPECT_NE(v.why.find("wrong length"), std::string::npos) << v.why;
  }
}

TEST(IneNumber, RefusesUnnormalisedInput) {
  IneValidation lower = ValidateIne("1234567890v");
  EXPECT_FALSE(lower.valid);
  EXPECT_NE(lower.why.find("character 11"), std::string::npos) << lower.why;
  EXPECT_FALSE(ValidateIne("1234 567890").valid);
}

}  // namespace
}  // namespace dossier
