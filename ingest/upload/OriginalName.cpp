#include "ingest/upload/OriginalName.h"

#include <cstddef>

#include "core/text/Utf8Sequence.h"

namespace dossier {
namespace {

constexpr std::size_t kMaxNameBytes = 255;   // fichier.original_name
const char kReplacement[] = "\xEF\xBF\xBD";  // U+FFFD

std::string LastComponent(const std::string& sent) {
  std::size_t slash = sent.find_last_of("/\\");
  return slash == std::string::npos ? sent : sent.substr(slash + 1);
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
    std::size_t length = Utf8SequenceLength(name, at);
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
