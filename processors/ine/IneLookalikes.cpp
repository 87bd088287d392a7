#include "processors/ine/IneLookalikes.h"

#include <algorithm>

#include "core/ine/IneNumber.h"
#include "processors/ine/IneReadings.h"

namespace dossier {
namespace {

std::string_view Pattern(IneVariant variant) {
  return IneVariantPattern(variant);
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

}  // namespace

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
  if (read.size() != declared.size()) return best;
  IneValidation valid = ValidateIne(declared);
  if (!valid.valid) {
    // A slip broke the declared INE's key: it still spells the document's
    // characters everywhere but one, so its look-alikes are still the better
    // guess; its shape no longer says anything.
    for (std::size_t i = 0; i < best.size(); ++i)
      if (MayBeLookalike(best[i], declared[i])) best[i] = declared[i];
    return best;
  }
  std::string_view pattern = Pattern(*valid.variant);
  for (std::size_t i = 0; i < best.size(); ++i) {
    // Where OCR may have read this character for the declared one, the
    // document shows nothing else there: the difference lies elsewhere.
    if (MayBeLookalike(best[i], declared[i])) {
      best[i] = declared[i];
      continue;
    }
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
