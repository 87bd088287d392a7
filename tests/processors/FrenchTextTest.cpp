#include <gtest/gtest.h>

#include "processors/core/FrenchFormat.h"
#include "processors/core/JsonWriter.h"

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

TEST(JsonWriter, EscapesAndKeepsUtf8Readable) {
  JsonWriter json;
  json.BeginObject()
      .Key("message").String("Pièce « acceptée »\n\"ok\"\\")
      .Key("list").BeginArray().Integer(1).Null().Bool(true).EndArray()
      .Key("x").Number(1.25, 2)
      .EndObject();
  EXPECT_EQ(json.str(),
            "{\"message\":\"Pièce « acceptée »\\n\\\"ok\\\"\\\\\",\"list\":[1,null,true],"
            "\"x\":1.25}");
}

TEST(JsonWriter, EscapesControlCharacters) {
  EXPECT_EQ(JsonQuote(std::string("a\x01" "b", 3)), "\"a\\u0001b\"");
}

}  // namespace
}  // namespace dossier
