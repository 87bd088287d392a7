#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/ine/IneVariant.h"

namespace dossier {

// An INE as a person or a text layer wrote it, reduced to the characters that
// count: ASCII letters uppercased; spaces (including the non-breaking U+00A0
// and U+202F), tabs, line breaks, dots and dashes removed. Anything else is
// kept, so that ValidateIne can say what is wrong with it.
std::string NormaliseIne(std::string_view text);

struct IneValidation {
  bool valid = false;
  // The variant whose shape the string has; also set when that shape's key or
  // letters are wrong (then `valid` is false), empty when no shape fits.
  std::optional<IneVariant> variant;
  // Why it is invalid, in English, for the logs; empty when valid.
  std::string why;
};

// Checks an 11-character normalised INE: the variant is chosen by shape (the
// four shapes are disjoint), then its key or letters are checked. The key of
// a BEA catches any single changed digit; the base-36 key does not catch a
// character shifted by a multiple of 5 (10 for the tenth), so a document's INE
// is compared with the declared one character by character, not by key.
IneValidation ValidateIne(std::string_view ine);

// The BEA key letter of ten digits: "ABCDEFGHJKLMNPRSTUVWXYZ"[n mod 23], as a
// one-letter string; empty when the input is not exactly ten ASCII digits.
// Ten identical digits get a key too, though ValidateIne refuses them.
std::string BeaKey(std::string_view ten_digits);

// The base-36 key digit of ten characters of 0-9A-Z: the last decimal digit of
// 6·(v0+…+v8) + v9. '\0' when the input is not ten such characters.
char Base36Key(std::string_view ten_chars);

}  // namespace dossier
