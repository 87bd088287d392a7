#include "processors/ine/IneOnLine.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "core/ine/IneNumber.h"
#include "processors/ine/IneLookalikes.h"
#include "processors/ine/IneTokens.h"

namespace dossier {
namespace {

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
                                      const std::string& declared) {
  std::string expected = NormaliseIne(declared);
  IneValidation valid = ValidateIne(expected);
  if (!valid.valid || characters.size() < expected.size()) return std::nullopt;
  for (std::size_t start = 0; start + expected.size() <= characters.size(); ++start) {
    std::string window;
    float weakest = 100;
    int differences = 0;
    for (std::size_t i = 0; i < expected.size(); ++i) {
      window += characters[start + i].value;
      weakest = std::min(weakest, characters[start + i].confidence);
      differences += characters[start + i].value != expected[i];
    }
    if (ReadsAs(window, expected))
      return IneLineRead{window, expected, *valid.variant, differences, weakest};
  }
  return std::nullopt;
}

}  // namespace

std::optional<IneLineRead> ReadIneOnLine(const OcrLine& line, const std::string& declared) {
  if (!declared.empty())
    if (std::optional<IneLineRead> read = AsDeclared(Characters(line), declared)) return read;
  std::vector<std::string> tokens = FindIneTokens(UnPunctuated(line.Text()));
  if (tokens.empty()) return std::nullopt;
  std::vector<Character> characters = Characters(line);
  std::optional<IneLineRead> first;
  for (const std::string& token : tokens) {
    IneLineRead read;
    read.raw = token;
    read.min_confidence = std::max(0.0f, TokenConfidence(characters, token));
    std::vector<IneCandidate> candidates = IneCandidatesFromOcr(token);
    if (!candidates.empty()) {
      read.value = candidates.front().value;
      read.variant = candidates.front().variant;
      read.corrections = candidates.front().corrections;
      return read;  // the first token that reads as a valid INE wins
    }
    if (!first) first = read;
  }
  return first;
}

}  // namespace dossier
