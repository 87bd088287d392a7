#include "processors/ine/IneOnLine.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "core/ine/IneNumber.h"
#include "processors/ine/IneReadings.h"
#include "processors/ine/IneTokens.h"

namespace dossier {
namespace {

// A line's confidence (0–100) below which its text may be garbage read
// confidently character by character: upside down, or not text at all.
constexpr float kConfidentLine = 60;

// The line's alphanumeric characters, uppercased, each with its confidence:
// tokens are found in normalised text, so their characters are matched here.
struct Character {
  char value;
  float confidence;
};

// Punctuation a serif letter is misread as: Liberation Serif's J comes out
// as ']', an I as '|'. Mapped back before looking for tokens; the candidate
// still has to validate.
char UnPunctuate(char c) {
  switch (c) {
    case ']':
      return 'J';
    case '|':
      return 'I';
    default:
      return c;
  }
}

std::string UnPunctuated(std::string text) {
  for (char& c : text) c = UnPunctuate(c);
  return text;
}

std::vector<Character> Characters(const OcrLine& line) {
  std::vector<Character> characters;
  for (const OcrSymbol& symbol : line.symbols)
    for (char raw : symbol.text) {
      char c = UnPunctuate(raw);
      if (std::isalnum(static_cast<unsigned char>(c)))
        characters.push_back(
            {static_cast<char>(std::toupper(static_cast<unsigned char>(c))), symbol.confidence});
    }
  return characters;
}

// Weakest confidence over the characters spelling `token`, or -1 when the
// token cannot be found character for character.
float TokenConfidence(const std::vector<Character>& characters, const std::string& token) {
  if (token.empty() || characters.size() < token.size()) return -1;
  for (std::size_t start = 0; start + token.size() <= characters.size(); ++start) {
    bool match = true;
    float weakest = 100;
    for (std::size_t i = 0; i < token.size() && match; ++i) {
      match = characters[start + i].value == token[i];
      weakest = std::min(weakest, characters[start + i].confidence);
    }
    if (match) return weakest;
  }
  return -1;
}

std::optional<IneLineRead> AsDeclared(const std::vector<Character>& characters,
                                      const std::string& expected) {
  if (characters.size() < expected.size()) return std::nullopt;
  for (std::size_t start = 0; start + expected.size() <= characters.size(); ++start) {
    std::string window;
    float weakest = 100;
    bool near = true;
    for (std::size_t i = 0; i < expected.size() && near; ++i) {
      window += characters[start + i].value;
      weakest = std::min(weakest, characters[start + i].confidence);
      near = MayBeLookalike(characters[start + i].value, expected[i]);
    }
    if (!near) continue;
    IneSettlement settled = SettleIneToken(window, expected);
    if (!settled.declared) continue;
    IneLineRead read;
    read.raw = window;
    read.value = expected;
    read.variant = settled.reading->variant;
    read.corrections = settled.reading->swaps;
    read.min_confidence = weakest;
    read.declared = true;
    return read;
  }
  return std::nullopt;
}

bool HasLetterAndDigit(const std::string& value) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  return std::any_of(value.begin(), value.end(), digit) &&
         !std::all_of(value.begin(), value.end(), digit);
}

}  // namespace

std::optional<IneLineRead> ReadIneOnLine(const OcrLine& line, const std::string& declared) {
  // A declared INE that is not valid is never the reading, but still tells
  // which of several readings its slip came from (SettleIneToken).
  const std::string typed = NormaliseIne(declared);
  std::string expected = typed;
  if (!ValidateIne(expected).valid) expected.clear();
  if (!expected.empty())
    if (std::optional<IneLineRead> read = AsDeclared(Characters(line), expected)) {
      read->line_confidence = line.confidence;
      return read;
    }
  std::vector<std::string> tokens = FindIneTokens(UnPunctuated(line.Text()));
  if (tokens.empty()) return std::nullopt;
  std::vector<Character> characters = Characters(line);
  std::optional<IneLineRead> first;
  for (const std::string& token : tokens) {
    IneLineRead read;
    read.raw = token;
    read.line_confidence = line.confidence;
    read.min_confidence = std::max(0.0f, TokenConfidence(characters, token));
    IneSettlement settled = SettleIneToken(token, typed);
    if (settled.reading) {
      read.value = settled.reading->value;
      read.variant = settled.reading->variant;
      read.corrections = settled.reading->swaps;
      read.declared = settled.declared;
      return read;  // the first token that settles on a valid INE wins
    }
    read.ambiguous = settled.ambiguous;
    if (!first) first = read;
  }
  return first;
}

bool TrustedWhere(const IneLineRead& read, LabelNearby label) {
  switch (label) {
    case LabelNearby::kOnTheLine:
      return true;
    case LabelNearby::kAbove:
      return TrustedBelowLabel(read);
    case LabelNearby::kNone:
      return TrustedWithoutLabel(read);
  }
  return false;
}

bool TrustedBelowLabel(const IneLineRead& read) {
  return !read.value.empty() && (read.declared || HasLetterAndDigit(read.raw));
}

bool TrustedWithoutLabel(const IneLineRead& read) {
  if (read.value.empty()) return false;
  if (read.declared) return true;
  bool keyed = read.variant == IneVariant::Bea || read.variant == IneVariant::Base36;
  // The token as read must show a letter too: swaps turn a run of digits
  // (a candidate number) into a valid base 36 too easily.
  return HasLetterAndDigit(read.raw) && HasLetterAndDigit(read.value) &&
         (read.corrections == 0 || keyed) && read.line_confidence >= kConfidentLine;
}

}  // namespace dossier
