#include "processors/ine/IneLookalikes.h"

#include <algorithm>

#include "core/ine/IneNumber.h"

namespace dossier {
namespace {

constexpr IneVariant kVariants[] = {IneVariant::Rnie, IneVariant::Bea, IneVariant::Base36,
                                    IneVariant::Apprenti};

// One letter per position: D a digit, R a letter of A-H J K, L any capital,
// X a digit or capital, A the letter A itself.
std::string_view Pattern(IneVariant variant) {
  switch (variant) {
    case IneVariant::Rnie:
      return "DDDDDDDDDRR";
    case IneVariant::Bea:
      return "DDDDDDDDDDL";
    case IneVariant::Base36:
      return "XXXXXXXXXXD";
    case IneVariant::Apprenti:
      return "DDDDADDDDDL";
  }
  return {};
}

// The digit an OCR engine may have read as this letter; '\0' for none.
char LookalikeDigit(char c) {
  switch (c) {
    case 'O':
      return '0';
    case 'I':
    case 'L':
      return '1';
    case 'S':
      return '5';
    case 'B':
      return '8';
    default:
      return '\0';
  }
}

// The letter a digit stands for when it sits where only a letter can: a
// digit there cannot be right, so the mapping is forced, not a guess.
char LookalikeLetter(char c) {
  switch (c) {
    case '0':
      return 'O';
    case '1':
      return 'I';
    case '2':
      return 'Z';
    case '4':
      return 'A';
    case '5':
      return 'S';
    case '6':
      return 'G';
    case '8':
      return 'B';
    default:
      return '\0';
  }
}

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}
bool IsCapital(char c) {
  return c >= 'A' && c <= 'Z';
}

bool Fits(char kind, char c) {
  switch (kind) {
    case 'R':
      return std::string_view("ABCDEFGHJK").find(c) != std::string_view::npos;
    case 'L':
      return IsCapital(c);
    case 'X':
      return IsDigit(c) || IsCapital(c);
    case 'A':
      return c == 'A';
    default:
      return false;
  }
}

}  // namespace

std::optional<IneCandidate> FitIneShape(std::string_view normalised, IneVariant variant) {
  std::string_view pattern = Pattern(variant);
  if (normalised.size() != pattern.size()) return std::nullopt;
  IneCandidate fit{std::string(normalised), variant, 0};
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    char& c = fit.value[i];
    if (pattern[i] != 'D') {
      // Only where a key will check the letter: in a format-only INE a 1
      // could as well be a T as an I.
      if (IsDigit(c) && pattern[i] != 'X' && variant == IneVariant::Bea) {
        c = LookalikeLetter(c);
        ++fit.corrections;
      }
      if (!Fits(pattern[i], c)) return std::nullopt;
    } else if (!IsDigit(c)) {
      c = LookalikeDigit(c);
      if (c == '\0') return std::nullopt;
      ++fit.corrections;
    }
  }
  return fit;
}

std::vector<IneCandidate> IneCandidatesFromOcr(std::string_view token) {
  std::string normalised = NormaliseIne(token);
  // Read as printed: no correction is offered against a valid reading.
  IneValidation as_read = ValidateIne(normalised);
  if (as_read.valid) return {IneCandidate{normalised, *as_read.variant, 0}};
  std::vector<IneCandidate> found;
  for (IneVariant variant : kVariants) {
    std::optional<IneCandidate> fit = FitIneShape(normalised, variant);
    if (!fit || !ValidateIne(fit->value).valid) continue;
    bool seen = std::any_of(found.begin(), found.end(),
                            [&](const IneCandidate& c) { return c.value == fit->value; });
    if (!seen) found.push_back(std::move(*fit));
  }
  std::stable_sort(found.begin(), found.end(), [](const IneCandidate& a, const IneCandidate& b) {
    return a.corrections < b.corrections;
  });
  return found;
}

}  // namespace dossier

namespace dossier {
namespace {

// Pairs OCR confuses, both ways. In a base-36 INE, G/6 and L/1 are left
// out: their values differ by a multiple of 5, which the key cannot see.
bool Confusable(char printed, char read, bool base36_position) {
  if (printed == read) return true;
  auto pair = [&](char a, char b) {
    return (printed == a && read == b) || (printed == b && read == a);
  };
  if (pair('0', 'O') || pair('0', 'Q') || pair('1', 'I') || pair('5', 'S') || pair('8', 'B') ||
      pair('2', 'Z') || pair('4', 'A'))
    return true;
  return !base36_position && (pair('1', 'L') || pair('6', 'G'));
}

}  // namespace

bool ReadsAs(std::string_view read, std::string_view declared) {
  IneValidation valid = ValidateIne(declared);
  if (!valid.valid || read.size() != declared.size()) return false;
  std::string_view pattern = Pattern(*valid.variant);
  bool keyed = *valid.variant == IneVariant::Bea || *valid.variant == IneVariant::Base36;
  for (std::size_t i = 0; i < declared.size(); ++i) {
    bool letter_position = pattern[i] != 'D' && pattern[i] != 'X';
    // Without a key, a letter read as a digit could be any of several; only
    // a round O read as 0 is left, since no digit can stand there.
    if (letter_position && !keyed && read[i] != declared[i] &&
        !(declared[i] == 'O' && read[i] == '0'))
      return false;
    if (!Confusable(declared[i], read[i], pattern[i] == 'X')) return false;
  }
  return true;
}

bool ShowsAnotherIne(std::string_view read, std::string_view declared) {
  if (!ValidateIne(declared).valid || read.size() != declared.size()) return false;
  for (std::size_t i = 0; i < declared.size(); ++i) {
    if (!IsDigit(declared[i])) continue;
    // The digit the read character stands for: itself, or the digit its
    // look-alike letter hides (an O is a 0, never a 5).
    char digit = IsDigit(read[i]) ? read[i] : LookalikeDigit(read[i]);
    if (digit != '\0' && digit != declared[i]) return true;
  }
  return false;
}

std::string BestReading(std::string_view read, std::string_view declared) {
  std::string best(read);
  IneValidation valid = ValidateIne(declared);
  if (!valid.valid || read.size() != declared.size()) return best;
  std::string_view pattern = Pattern(*valid.variant);
  for (std::size_t i = 0; i < best.size(); ++i) {
    bool letter_position = pattern[i] != 'D' && pattern[i] != 'X';
    if (letter_position && IsDigit(best[i]) && LookalikeLetter(best[i]) != '\0')
      best[i] = LookalikeLetter(best[i]);
    if (pattern[i] == 'D' && !IsDigit(best[i]) && LookalikeDigit(best[i]) != '\0')
      best[i] = LookalikeDigit(best[i]);
    // Base 36 allows both: the declared character's kind is the better guess.
    if (pattern[i] == 'X' && IsDigit(declared[i]) && !IsDigit(best[i]) &&
        LookalikeDigit(best[i]) != '\0')
      best[i] = LookalikeDigit(best[i]);
    if (pattern[i] == 'X' && !IsDigit(declared[i]) && IsDigit(best[i]) &&
        LookalikeLetter(best[i]) != '\0')
      best[i] = LookalikeLetter(best[i]);
  }
  return best;
}

}  // namespace dossier
