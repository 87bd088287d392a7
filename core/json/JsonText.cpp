#include "core/json/JsonText.h"

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <string_view>

#include "core/text/Utf8Sequence.h"

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

// What Poco writes as it is but a log line must not carry raw: DEL and the C1
// controls, which a terminal showing the log may obey, and the line and
// paragraph separators, which some JavaScript readers take for line ends.
// Poco escapes C0 itself.
bool WrittenEscaped(unsigned code_point) {
  return (code_point >= 0x7F && code_point < 0xA0) || code_point == 0x2028 || code_point == 0x2029;
}

// \u001B as \u001b: the escapes of the service's logs have always been
// written in lower case.
char LowerHex(char c) {
  return c >= 'A' && c <= 'F' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Poco's text, repaired. Only strings can hold a byte that is not ASCII or an
// escaped control (the structure is ASCII), so each change lands inside a
// string and the text stays valid JSON.
std::string SafeForLogs(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    if (text[at] == '\\' && at + 1 < text.size()) {  // an escape of Poco's, copied whole
      std::size_t length = text[at + 1] == 'u' ? std::min<std::size_t>(6, text.size() - at) : 2;
      for (char c : text.substr(at, length)) out += LowerHex(c);
      at += length;
      continue;
    }
    std::size_t length = Utf8SequenceLength(text, at);
    if (length == 0) {
      out += kReplacement;
      ++at;
      continue;
    }
    std::string_view sequence = text.substr(at, length);
    at += length;
    unsigned code_point = CodePoint(sequence);
    if (!WrittenEscaped(code_point)) {
      out += sequence;
      continue;
    }
    char escaped[8];
    std::snprintf(escaped, sizeof escaped, "\\u%04x", code_point);
    out += escaped;
  }
  return out;
}

}  // namespace

std::string JsonText(const Poco::JSON::Object& object, unsigned indent) {
  std::ostringstream text;
  object.stringify(text, indent);
  return SafeForLogs(text.str());
}

std::string JsonText(const Poco::JSON::Array& array, unsigned indent) {
  std::ostringstream text;
  array.stringify(text, indent);
  return SafeForLogs(text.str());
}

}  // namespace dossier
