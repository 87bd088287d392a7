#include <gtest/gtest.h>

#include "core/text/FrenchFormat.h"

namespace dossier {
namespace {

TEST(FrenchSize, WritesSizesAsTheGuidesDo) {
  EXPECT_EQ(FrenchSize(10'200'000), "10,2 Mo");
  EXPECT_EQ(FrenchSize(2'000'000), "2,0 Mo");
  EXPECT_EQ(FrenchSize(850'000), "850 ko");
  EXPECT_EQ(FrenchSize(999'499), "999 ko");
  EXPECT_EQ(FrenchSize(0), "0 octets");
}

TEST(FrenchPages, AgreesInNumber) {
  EXPECT_EQ(FrenchPages(1), "1 page");
  EXPECT_EQ(FrenchPages(3), "3 pages");
}

}  // namespace
}  // namespace dossier
