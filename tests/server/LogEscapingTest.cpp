// Every log line of the service goes through JsonQuote: whatever bytes a
// path, a header or a file name holds, the line is valid JSON in valid
// UTF-8. The oracle for UTF-8 is glibc's iconv, not the service's decoder.
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>
#include <iconv.h>

#include <cstdint>
#include <random>
#include <vector>

#include "processors/core/JsonWriter.h"
#include "server/http/RequestLog.h"

namespace dossier {
namespace {

const std::string kFffd = "\xEF\xBF\xBD";

std::string Quoted(const std::string& inner) {
  return "\"" + inner + "\"";
}

std::string Repeat(const std::string& text, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += text;
  return out;
}

// Strict UTF-8 as glibc decodes it (overlong forms and surrogates refused),
// plus the U+10FFFF ceiling glibc does not enforce.
bool IsStrictUtf8(const std::string& text) {
  iconv_t converter = iconv_open("UTF-32LE", "UTF-8");
  std::vector<char> out(text.size() * 4 + 4);
  char* in_at = const_cast<char*>(text.data());
  std::size_t in_left = text.size();
  char* out_at = out.data();
  std::size_t out_left = out.size();
  bool converted =
      iconv(converter, &in_at, &in_left, &out_at, &out_left) != static_cast<size_t>(-1);
  iconv_close(converter);
  if (!converted || in_left != 0) return false;
  for (char* at = out.data(); at < out_at; at += 4) {
    std::uint32_t code_point = 0;
    for (int i = 3; i >= 0; --i) code_point = code_point << 8 | static_cast<unsigned char>(at[i]);
    if (code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) return false;
  }
  return true;
}

// The string a JSON parser reads back (Poco takes arrays and objects only).
std::string ParsedString(const std::string& quoted) {
  Poco::Dynamic::Var parsed = Poco::JSON::Parser().parse("[" + quoted + "]");
  return parsed.extract<Poco::JSON::Array::Ptr>()->getElement<std::string>(0);
}

TEST(JsonQuote, KeepsValidUtf8AsItIs) {
  std::string text = "Relevé € Ω 😀 « ok »";
  EXPECT_EQ(JsonQuote(text), Quoted(text));
  EXPECT_EQ(ParsedString(JsonQuote(text)), text);
}

TEST(JsonQuote, ReplacesEachByteOfAnInvalidSequenceWithFffd) {
  EXPECT_EQ(JsonQuote("\xff"), Quoted(kFffd));
  EXPECT_EQ(JsonQuote("a\x80z"), Quoted("a" + kFffd + "z"));          // stray continuation
  EXPECT_EQ(JsonQuote("caf\xc3"), Quoted("caf" + kFffd));             // cut at the end
  EXPECT_EQ(JsonQuote("\xe2\x82z"), Quoted(Repeat(kFffd, 2) + "z"));  // cut before a letter
  EXPECT_EQ(JsonQuote("\xfe\xff"), Quoted(Repeat(kFffd, 2)));
}

TEST(JsonQuote, RefusesOverlongForms) {
  EXPECT_EQ(JsonQuote("\xc0\xaf"), Quoted(Repeat(kFffd, 2)));  // "/" in two bytes
  EXPECT_EQ(JsonQuote("\xc1\xbf"), Quoted(Repeat(kFffd, 2)));
  EXPECT_EQ(JsonQuote("\xe0\x80\xaf"), Quoted(Repeat(kFffd, 3)));
  EXPECT_EQ(JsonQuote("\xf0\x80\x80\xaf"), Quoted(Repeat(kFffd, 4)));
  EXPECT_EQ(JsonQuote("\xc0\x80"), Quoted(Repeat(kFffd, 2)));  // NUL in two bytes
}

TEST(JsonQuote, RefusesSurrogatesAndCodePointsPastTheLastOne) {
  EXPECT_EQ(JsonQuote("\xed\xa0\x80"), Quoted(Repeat(kFffd, 3)));              // U+D800
  EXPECT_EQ(JsonQuote("\xed\xbf\xbf"), Quoted(Repeat(kFffd, 3)));              // U+DFFF
  EXPECT_EQ(JsonQuote("\xed\xa0\xbd\xed\xb8\x80"), Quoted(Repeat(kFffd, 6)));  // CESU-8 pair
  EXPECT_EQ(JsonQuote("\xf4\x90\x80\x80"), Quoted(Repeat(kFffd, 4)));          // U+110000
  EXPECT_EQ(JsonQuote("\xf5\x80\x80\x80"), Quoted(Repeat(kFffd, 4)));
  EXPECT_EQ(JsonQuote("\xed\x9f\xbf\xf4\x8f\xbf\xbf"), Quoted("\xed\x9f\xbf\xf4\x8f\xbf\xbf"));
}

TEST(JsonQuote, EscapesNulControlsAndLineSeparators) {
  EXPECT_EQ(JsonQuote(std::string("a\0b", 3)), Quoted("a\\u0000b"));
  EXPECT_EQ(JsonQuote("\x1b[31m\x07"), Quoted("\\u001b[31m\\u0007"));
  EXPECT_EQ(JsonQuote("\r\n\t\"\\"), Quoted("\\r\\n\\t\\\"\\\\"));
  EXPECT_EQ(JsonQuote("\x7f"), Quoted("\\u007f"));
  EXPECT_EQ(JsonQuote("\xc2\x9b"), Quoted("\\u009b"));  // C1 CSI
  EXPECT_EQ(JsonQuote("a\xe2\x80\xa8z\xe2\x80\xa9"), Quoted("a\\u2028z\\u2029"));
}

TEST(JsonQuote, AnyBytesGiveOneLineOfValidJsonInStrictUtf8) {
  std::mt19937 random(20250611);
  for (int round = 0; round < 2000; ++round) {
    std::string bytes(random() % 40, '\0');
    for (char& byte : bytes) byte = static_cast<char>(random() % 256);
    std::string quoted = JsonQuote(bytes);
    ASSERT_EQ(quoted.find('\n'), std::string::npos);
    ASSERT_TRUE(IsStrictUtf8(quoted)) << round;
    ASSERT_NO_THROW(ParsedString(quoted)) << round;
  }
}

TEST(RequestLog, AHostilePathStillMakesOneParsableLine) {
  RequestLogEntry entry;
  entry.method = "GET\x01";
  entry.path = std::string("/api/v1/\xff\xfe\0\n{\"x\":1}\xed\xa0\x80\xc0\xaf\x1b[2J", 28);
  entry.status = 404;
  entry.error = "driver: \xe9t\xe9 \x00";
  std::string line = RequestLogLine(entry, 1'700'000'000'123);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  EXPECT_TRUE(IsStrictUtf8(line));
  Poco::JSON::Object::Ptr parsed =
      Poco::JSON::Parser().parse(line).extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(parsed->getValue<std::string>("path"), "/api/v1/" + Repeat(kFffd, 2) +
                                                       std::string("\0\n{\"x\":1}", 9) +
                                                       Repeat(kFffd, 5) + "\x1b[2J");
  EXPECT_EQ(parsed->getValue<int>("status"), 404);
}

}  // namespace
}  // namespace dossier
