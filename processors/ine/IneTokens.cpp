#include "processors/ine/IneTokens.h"

#include <algorithm>
#include <optional>

#include "core/ine/IneNumber.h"
#include "processors/ine/IneReadings.h"

namespace dossier {
namespace {

constexpr std::size_t kIneLength = 11;

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}
bool IsLetter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
bool IsAlnum(char c) {
  return IsDigit(c) || IsLetter(c);
}

bool HasDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), IsDigit);
}
bool AllDigits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), IsDigit);
}
bool AllLetters(std::string_view s) {
  return std::all_of(s.begin(), s.end(), IsLetter);
}

// A group of ASCII letters and digits; `after_plus` marks "+33612345678".
struct Group {
  std::string_view text;
  bool after_plus = false;
};

// Groups that follow one another with a single separator between them: the
// stretches of text one written INE can span.
using Chain = std::vector<Group>;

// The length of the single separator allowed inside a written INE at `at`
// (space, dot, U+00A0, U+202F); 0 when there is none.
std::size_t SeparatorLength(std::string_view text, std::size_t at) {
  if (text[at] == ' ' || text[at] == '.') return 1;
  std::string_view rest = text.substr(at);
  if (rest.substr(0, 2) == "\xC2\xA0") return 2;
  if (rest.substr(0, 3) == "\xE2\x80\xAF") return 3;
  return 0;
}

std::vector<Chain> Chains(std::string_view text) {
  std::vector<Chain> chains;
  Chain chain;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!IsAlnum(text[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && IsAlnum(text[end])) ++end;
    chain.push_back({text.substr(i, end - i), i > 0 && text[i - 1] == '+'});
    std::size_t sep = end < text.size() ? SeparatorLength(text, end) : 0;
    if (sep > 0 && end + sep < text.size() && IsAlnum(text[end + sep])) {
      i = end + sep;
      continue;
    }
    chains.push_back(std::move(chain));
    chain.clear();
    i = end;
  }
  return chains;
}

// Whether groups [first, last] of a chain may be one INE written in pieces
// rather than pieces of neighbouring numbers and words.
bool MayJoin(const Chain& chain, std::size_t first, std::size_t last) {
  for (std::size_t k = first; k <= last; ++k) {
    if (chain[k].after_plus) return false;
  }
  if (first == last) return true;
  for (std::size_t k = first; k < last; ++k) {
    if (chain[k].text.size() < 3 || !HasDigit(chain[k].text)) return false;
  }
  std::string_view tail = chain[last].text;
  if (!HasDigit(tail) && !(tail.size() <= 2 && AllLetters(tail))) return false;
  if (first > 0 && AllDigits(chain[first - 1].text)) return false;
  bool ends_in_digit = IsDigit(tail.back());
  return !(ends_in_digit && last + 1 < chain.size() && AllDigits(chain[last + 1].text));
}

// An INE shape fits with fewer look-alikes than true digits: "OOOOOOOOOOV"
// or a word like "MATHEMATICS" is not an INE.
bool LooksLikeIne(std::string_view normalised) {
  return HasIneShape(normalised);
}

std::string Joined(const Chain& chain, std::size_t first, std::size_t last) {
  std::string joined;
  for (std::size_t k = first; k <= last; ++k) joined += chain[k].text;
  return NormaliseIne(joined);
}

// The INE starting at group `first`, and how many groups it takes; 0 groups
// when none starts there.
std::pair<std::string, std::size_t> TokenAt(const Chain& chain, std::size_t first) {
  std::size_t length = 0;
  for (std::size_t last = first; last < chain.size(); ++last) {
    length += chain[last].text.size();
    if (length > kIneLength) break;
    if (length < kIneLength) continue;
    if (!MayJoin(chain, first, last)) break;
    std::string token = Joined(chain, first, last);
    if (LooksLikeIne(token)) return {token, last - first + 1};
    break;
  }
  return {{}, 0};
}

// The line's words, ASCII letters uppercased; an accented Latin letter (two
// UTF-8 bytes led by C3, C4 or C5) belongs to its word, so "LINÉAIRE" stays
// one word, while "°", "«" or a no-break space separate words.
std::vector<std::string> Words(std::string_view line) {
  std::vector<std::string> words(1);
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    auto lead = static_cast<unsigned char>(c);
    if (IsAlnum(c)) {
      words.back() += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    } else if (lead >= 0xC3 && lead <= 0xC5 && i + 1 < line.size()) {
      words.back() += line.substr(i, 2);
      ++i;
    } else if (!words.back().empty()) {
      words.emplace_back();
    }
  }
  if (words.back().empty()) words.pop_back();
  return words;
}

}  // namespace

std::vector<std::string> FindIneTokens(std::string_view text) {
  std::vector<std::string> tokens;
  for (const Chain& chain : Chains(text)) {
    for (std::size_t first = 0; first < chain.size();) {
      auto [token, groups] = TokenAt(chain, first);
      if (groups > 0 && std::find(tokens.begin(), tokens.end(), token) == tokens.end())
        tokens.push_back(token);
      first += std::max<std::size_t>(groups, 1);
    }
  }
  return tokens;
}

// How OCR spells « INE » on a coarse scan: E read as F, I as 1 or l. Only
// accepted right after « N° », where nothing else would stand.
bool LooksLikeIneAfterNumero(const std::vector<std::string>& words, std::size_t i) {
  static const char* const kMisreadings[] = {"INF", "1NE", "LNE", "1NF", "IME"};
  bool after_numero =
      i > 0 && (words[i - 1] == "N" || words[i - 1] == "NO" || words[i - 1] == "N°");
  for (const char* misreading : kMisreadings)
    if (words[i] == misreading) return after_numero;
  return false;
}

bool HasIneAnchor(std::string_view line) {
  std::vector<std::string> words = Words(line);
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i] == "INE" || words[i] == "BEA") return true;
    if (LooksLikeIneAfterNumero(words, i)) return true;
    // Its I is the first letter a photo's edge or a serif loses.
    bool identifiant = words[i] == "IDENTIFIANT" || words[i] == "DENTIFIANT";
    if (identifiant && i + 1 < words.size() && words[i + 1] == "NATIONAL") return true;
  }
  return false;
}

}  // namespace dossier
