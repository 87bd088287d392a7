#include "processors/dossier/WinAnsiText.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace dossier {
namespace {

// The code points WinAnsi places in 0x80–0x9F (the rest of it is Latin-1).
constexpr std::array<char32_t, 27> kWinAnsiExtras = {
    0x20AC, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030,
    0x0160, 0x2039, 0x0152, 0x017D, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x017E, 0x0178};

constexpr char32_t kInvalid = 0xFFFD;

// Decodes one code point at `i` and advances past it; kInvalid for a byte
// sequence that is not UTF-8 (one byte is then consumed).
char32_t NextCodePoint(const std::string& text, std::size_t& i) {
  auto byte = [&](std::size_t at) { return static_cast<unsigned char>(text[at]); };
  unsigned char lead = byte(i);
  int extra = lead < 0x80           ? 0
              : (lead >> 5) == 0x6  ? 1
              : (lead >> 4) == 0xE  ? 2
              : (lead >> 3) == 0x1E ? 3
                                    : -1;
  if (extra < 0 || i + static_cast<std::size_t>(extra) >= text.size()) {
    ++i;
    return kInvalid;
  }
  char32_t value = extra == 0 ? lead : lead & (0x3F >> extra);
  for (int k = 1; k <= extra; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return kInvalid;
    }
    value = (value << 6) | (byte(i + k) & 0x3F);
  }
  i += static_cast<std::size_t>(extra) + 1;
  return value;
}

void AppendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

char32_t Representable(char32_t c) {
  if (c == '\n') return c;
  if (c == '\t' || c < 0x20 || (c >= 0x7F && c < 0xA0)) return ' ';
  if (c < 0x7F || (c >= 0xA0 && c <= 0xFF)) return c;
  if (c == 0x2009 || c == 0x202F || c == 0x2007) return 0xA0;  // thin spaces of « »
  if (c == 0x2010 || c == 0x2011) return '-';
  if (std::find(kWinAnsiExtras.begin(), kWinAnsiExtras.end(), c) != kWinAnsiExtras.end()) return c;
  return '?';
}

}  // namespace

std::string ToWinAnsiRepertoire(const std::string& utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    char32_t c = NextCodePoint(utf8, i);
    if (c == '\r') continue;
    AppendUtf8(out, c == kInvalid ? '?' : Representable(c));
  }
  return out;
}

}  // namespace dossier
