#include "ingest/upload/OriginalName.h"

#include <cstddef>

namespace dossier {
namespace {

constexpr std::size_t kMaxNameBytes = 255;   // fichier.original_name
const char kReplacement[] = "\xEF\xBF\xBD";  // U+FFFD

std::string LastComponent(const std::string& sent) {
  std::size_t slash = sent.find_last_of("/\\");
  return slash == std::string::npos ? sent : sent.substr(slash + 1);
}

// Length of the valid UTF-8 sequence starting at `at`, 0 when invalid
// (overlong forms, surrogates and code points past U+10FFFF included).
std::size_t Utf8Length(const std::string& text, std::size_t at) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char lead = byte(at);
  if (lead < 0x80) return 1;
  std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
  if (length == 0 || lead > 0xF4 || at + length > text.size()) return 0;
  for (std::size_t i = 1; i < length; ++i)
    if ((byte(at + i) & 0xC0) != 0x80) return 0;
  unsigned char second = byte(at + 1);
  if (lead == 0xE0 && second < 0xA0) return 0;   // overlong
  if (lead == 0xED && second >= 0xA0) return 0;  // surrogate
  if (lead == 0xF0 && second < 0x90) return 0;   // overlong
  if (lead == 0xF4 && second >= 0x90) return 0;  // past U+10FFFF
  return length;
}

bool IsControl(const std::string& text, std::size_t at, std::size_t length) {
  auto c = static_cast<unsigned char>(text[at]);
  if (length == 1) return c < 0x20 || c == 0x7F;
  // C1 controls U+0080–U+009F are encoded C2 80 – C2 9F.
  return length == 2 && c == 0xC2 && static_cast<unsigned char>(text[at + 1]) < 0xA0;
}

std::string Trimmed(const std::string& text) {
  std::size_t first = text.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  std::size_t last = text.find_last_not_of(' ');
  return text.substr(first, last - first + 1);
}

}  // namespace

std::string CleanOriginalName(const std::string& sent) {
  std::string name = LastComponent(sent);
  std::string clean;
  for (std::size_t at = 0; at < name.size();) {
    std::size_t length = Utf8Length(name, at);
    std::string piece = length == 0 ? kReplacement : name.substr(at, length);
    at += length == 0 ? 1 : length;
    if (length != 0 && IsControl(name, at - length, length)) continue;
    if (clean.size() + piece.size() > kMaxNameBytes) break;
    clean += piece;
  }
  clean = Trimmed(clean);
  return clean == "." || clean == ".." ? std::string() : clean;
}

}  // namespace dossier
