#include "processors/core/JsonWriter.h"

#include <cmath>
#include <cstdio>

#include "processors/core/Utf8Sequence.h"

namespace dossier {
namespace {

const char kReplacement[] = "\xEF\xBF\xBD";  // U+FFFD

// The code point of a well-formed sequence (Utf8SequenceLength).
unsigned CodePoint(std::string_view sequence) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(sequence[i]); };
  static const unsigned kLeadMask[] = {0, 0x7F, 0x1F, 0x0F, 0x07};
  unsigned code_point = byte(0) & kLeadMask[sequence.size()];
  for (std::size_t i = 1; i < sequence.size(); ++i) code_point = code_point << 6 | (byte(i) & 0x3F);
  return code_point;
}

// Written as \uXXXX: C0 and C1 controls and DEL, which a terminal showing
// the log may obey, and the line and paragraph separators, which some
// JavaScript readers take for line ends.
bool WrittenEscaped(unsigned code_point) {
  return code_point < 0x20 || (code_point >= 0x7F && code_point < 0xA0) || code_point == 0x2028 ||
         code_point == 0x2029;
}

struct ShortEscape {
  char character;
  const char* escaped;
};
constexpr ShortEscape kShortEscapes[] = {
    {'"', "\\\""}, {'\\', "\\\\"}, {'\n', "\\n"}, {'\r', "\\r"}, {'\t', "\\t"}};

void AppendSequence(std::string& out, std::string_view sequence) {
  for (const ShortEscape& escape : kShortEscapes) {
    if (sequence[0] != escape.character) continue;
    out += escape.escaped;
    return;
  }
  unsigned code_point = CodePoint(sequence);
  if (!WrittenEscaped(code_point)) {
    out += sequence;
    return;
  }
  char escaped[8];
  std::snprintf(escaped, sizeof escaped, "\\u%04x", code_point);
  out += escaped;
}

}  // namespace

// Whatever bytes come in (a path, a header, a file name), what goes out is
// valid JSON in valid UTF-8: each byte that does not start a well-formed
// sequence becomes U+FFFD, so a log line always parses.
std::string JsonQuote(std::string_view text) {
  std::string out = "\"";
  for (std::size_t at = 0; at < text.size();) {
    std::size_t length = Utf8SequenceLength(text, at);
    if (length == 0) {
      out += kReplacement;
      ++at;
      continue;
    }
    AppendSequence(out, text.substr(at, length));
    at += length;
  }
  return out + "\"";
}

void JsonWriter::Separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!has_items_.empty()) {
    if (has_items_.back()) out_ += ',';
    has_items_.back() = true;
  }
}

JsonWriter& JsonWriter::BeginObject() {
  Separate();
  out_ += '{';
  has_items_.push_back(false);
  return *this;
}

JsonWriter& JsonWriter::EndObject() {
  out_ += '}';
  has_items_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::BeginArray() {
  Separate();
  out_ += '[';
  has_items_.push_back(false);
  return *this;
}

JsonWriter& JsonWriter::EndArray() {
  out_ += ']';
  has_items_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::Key(std::string_view key) {
  Separate();
  out_ += JsonQuote(key);
  out_ += ':';
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::String(std::string_view value) {
  Separate();
  out_ += JsonQuote(value);
  return *this;
}

JsonWriter& JsonWriter::Integer(long long value) {
  Separate();
  out_ += std::to_string(value);
  return *this;
}

JsonWriter& JsonWriter::Number(double value, int decimals) {
  Separate();
  if (!std::isfinite(value)) {
    out_ += "null";
    return *this;
  }
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  out_ += text;
  return *this;
}

JsonWriter& JsonWriter::Bool(bool value) {
  Separate();
  out_ += value ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::Null() {
  Separate();
  out_ += "null";
  return *this;
}

}  // namespace dossier
