// JsonText, the one way the service writes JSON: whatever bytes a path, a
// header or a file name holds, the text is valid JSON in valid UTF-8 and a
// log line stays one line. The oracle for UTF-8 is glibc's iconv.
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "core/json/JsonDecimal.h"
#include "core/json/JsonText.h"
#include "tests/support/Oracles.h"

namespace dossier {
namespace {

const std::string kFffd = "\xEF\xBF\xBD";

// `text` as the only string of an array, through JsonText.
std::string Written(const std::string& text) {
  Poco::JSON::Array array;
  array.add(text);
  return JsonText(array);
}

std::string Array(const std::string& inner) {
  return "[\"" + inner + "\"]";
}

std::string Repeat(const std::string& text, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += text;
  return out;
}

std::string ReadBack(const std::string& json) {
  Poco::Dynamic::Var parsed = Poco::JSON::Parser().parse(json);
  return parsed.extract<Poco::JSON::Array::Ptr>()->getElement<std::string>(0);
}

TEST(JsonText, KeepsValidUtf8AsItIs) {
  std::string text = "Relevé € Ω 😀 « ok » a/b";
  EXPECT_EQ(Written(text), Array(text));
  EXPECT_EQ(ReadBack(Written(text)), text);
}

TEST(JsonText, ReplacesEachByteOfAnInvalidSequenceWithFffd) {
  EXPECT_EQ(Written("\xff"), Array(kFffd));
  EXPECT_EQ(Written("a\x80z"), Array("a" + kFffd + "z"));          // stray continuation
  EXPECT_EQ(Written("caf\xc3"), Array("caf" + kFffd));             // cut at the end
  EXPECT_EQ(Written("\xe2\x82z"), Array(Repeat(kFffd, 2) + "z"));  // cut before a letter
  EXPECT_EQ(Written("\xfe\xff"), Array(Repeat(kFffd, 2)));
}

TEST(JsonText, RefusesOverlongForms) {
  EXPECT_EQ(Written("\xc0\xaf"), Array(Repeat(kFffd, 2)));  // "/" in two bytes
  EXPECT_EQ(Written("\xc1\xbf"), Array(Repeat(kFffd, 2)));
  EXPECT_EQ(Written("\xe0\x80\xaf"), Array(Repeat(kFffd, 3)));
  EXPECT_EQ(Written("\xf0\x80\x80\xaf"), Array(Repeat(kFffd, 4)));
  EXPECT_EQ(Written("\xc0\x80"), Array(Repeat(kFffd, 2)));  // NUL in two bytes
}

TEST(JsonText, RefusesSurrogatesAndCodePointsPastTheLastOne) {
  EXPECT_EQ(Written("\xed\xa0\x80"), Array(Repeat(kFffd, 3)));              // U+D800
  EXPECT_EQ(Written("\xed\xbf\xbf"), Array(Repeat(kFffd, 3)));              // U+DFFF
  EXPECT_EQ(Written("\xed\xa0\xbd\xed\xb8\x80"), Array(Repeat(kFffd, 6)));  // CESU-8 pair
  EXPECT_EQ(Written("\xf4\x90\x80\x80"), Array(Repeat(kFffd, 4)));          // U+110000
  EXPECT_EQ(Written("\xf5\x80\x80\x80"), Array(Repeat(kFffd, 4)));
  EXPECT_EQ(Written("\xed\x9f\xbf\xf4\x8f\xbf\xbf"), Array("\xed\x9f\xbf\xf4\x8f\xbf\xbf"));
}

TEST(JsonText, EscapesNulControlsAndLineSeparators) {
  EXPECT_EQ(Written(std::string("a\0b", 3)), Array("a\\u0000b"));
  EXPECT_EQ(Written("\x1b[31m\x07"), Array("\\u001b[31m\\u0007"));
  EXPECT_EQ(Written("\r\n\t\"\\"), Array("\\r\\n\\t\\\"\\\\"));
  EXPECT_EQ(Written("\x7f"), Array("\\u007f"));
  EXPECT_EQ(Written("\xc2\x9b"), Array("\\u009b"));  // C1 CSI
  EXPECT_EQ(Written("a\xe2\x80\xa8z\xe2\x80\xa9"), Array("a\\u2028z\\u2029"));
  EXPECT_EQ(ReadBack(Written("a\xe2\x80\xa8z")), "a\xe2\x80\xa8z");
}

TEST(JsonText, RepairsKeysAndNestedValuesToo) {
  Poco::JSON::Object::Ptr inner = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  inner->set("k\xff", "\xe2\x80\xa8");
  Poco::JSON::Object outer(Poco::JSON_PRESERVE_KEY_ORDER);
  outer.set("z", 1);
  outer.set("a", inner);
  EXPECT_EQ(JsonText(outer), "{\"z\":1,\"a\":{\"k" + kFffd + "\":\"\\u2028\"}}");
}

TEST(JsonText, AnyBytesGiveOneLineOfValidJsonInStrictUtf8) {
  std::mt19937 random(20250611);
  for (int round = 0; round < 2000; ++round) {
    std::string bytes(random() % 40, '\0');
    for (char& byte : bytes) byte = static_cast<char>(random() % 256);
    Poco::JSON::Object line(Poco::JSON_PRESERVE_KEY_ORDER);
    line.set("event", "test");
    line.set("path", bytes);
    std::string json = JsonText(line);
    ASSERT_EQ(json.find('\n'), std::string::npos) << round;
    ASSERT_TRUE(testing::IsStrictUtf8(json)) << round;
    ASSERT_NO_THROW(Poco::JSON::Parser().parse(json)) << round;
  }
}

TEST(JsonText, IndentedForAPersonStillParses) {
  Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
  json.set("b", "\x7f");
  json.set("a", 2);
  std::string text = JsonText(json, 2);
  EXPECT_NE(text.find('\n'), std::string::npos);
  EXPECT_LT(text.find("\"b\""), text.find("\"a\""));
  EXPECT_NE(text.find("\\u007f"), std::string::npos);
  EXPECT_NO_THROW(Poco::JSON::Parser().parse(text));
}

TEST(JsonDecimal, WritesItsDecimalsAndReadsBackAsANumber) {
  Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
  json.set("ms", JsonDecimal(12.0, 1));
  json.set("confidence", JsonDecimal(0.9, 2));
  json.set("dpi", JsonDecimal(299.6, 0));
  json.set("nan", JsonDecimal(std::nan(""), 1));
  std::string text = JsonText(json);
  EXPECT_EQ(text, "{\"ms\":12.0,\"confidence\":0.90,\"dpi\":300,\"nan\":null}");
  auto parsed = Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
  EXPECT_DOUBLE_EQ(parsed->getValue<double>("confidence"), 0.9);
}

}  // namespace
}  // namespace dossier
