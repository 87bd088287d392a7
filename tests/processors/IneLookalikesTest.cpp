#include <gtest/gtest.h>

#include <string>

#include "core/ine/IneNumber.h"
#include "processors/ine/IneLookalikes.h"

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
  // A look-alike of the declared character is that character: the digit
  // that differs is the finding (6 read for the declared E, I for J).
  EXPECT_EQ(BestReading("8823137586J", "882314758EJ"), "882313758EJ");
  EXPECT_EQ(BestReading("123456788AI", "123456789AJ"), "123456788AJ");
  // A declared INE whose key a slip broke still lends its look-alikes.
  ASSERT_FALSE(ValidateIne("0GDJ83EHH20").valid);
  EXPECT_EQ(BestReading("16DJ83EHH20", "0GDJ83EHH20"), "1GDJ83EHH20");
}

}  // namespace
}  // namespace dossier
