#include "core/ine/IneNumber.h"

#include <algorithm>
#include <cstdint>

namespace dossier {
namespace {

constexpr std::size_t kIneLength = 11;
constexpr std::string_view kBeaKeys = "ABCDEFGHJKLMNPRSTUVWXYZ";
constexpr std::string_view kRnieLetters = "ABCDEFGHJK";

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}
bool IsCapital(char c) {
  return c >= 'A' && c <= 'Z';
}
bool IsBase36(char c) {
  return IsDigit(c) || IsCapital(c);
}

bool AllDigits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), IsDigit);
}

int Base36Value(char c) {
  return IsDigit(c) ? c - '0' : c - 'A' + 10;
}

// The separators people and text layers put inside an INE; the length of the
// one starting at `at`, 0 when there is none.
std::size_t SeparatorLength(std::string_view text, std::size_t at) {
  char c = text[at];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '.' || c == '-') return 1;
  std::string_view rest = text.substr(at);
  if (rest.substr(0, 2) == "\xC2\xA0") return 2;      // U+00A0 no-break space
  if (rest.substr(0, 3) == "\xE2\x80\xAF") return 3;  // U+202F narrow no-break space
  return 0;
}

IneValidation Valid(IneVariant variant) {
  return {true, variant, {}};
}

IneValidation Invalid(std::optional<IneVariant> variant, std::string why) {
  return {false, variant, std::move(why)};
}

IneValidation CheckBea(std::string_view ine) {
  std::string_view digits = ine.substr(0, 10);
  if (std::all_of(digits.begin(), digits.end(), [&](char c) { return c == digits[0]; }))
    return Invalid(IneVariant::Bea, "BEA with ten identical digits");
  std::string key = BeaKey(digits);
  if (ine[10] != key[0])
    return Invalid(IneVariant::Bea,
                   "bad BEA key '" + std::string(1, ine[10]) + "', expected " + key);
  return Valid(IneVariant::Bea);
}

IneValidation CheckBase36(std::string_view ine) {
  char key = Base36Key(ine.substr(0, 10));
  if (ine[10] != key)
    return Invalid(IneVariant::Base36, "bad base-36 key '" + std::string(1, ine[10]) +
                                           "', expected " + std::string(1, key));
  return Valid(IneVariant::Base36);
}

IneValidation CheckRnie(std::string_view ine) {
  for (char c : ine.substr(9)) {
    if (kRnieLetters.find(c) == std::string_view::npos)
      return Invalid(IneVariant::Rnie,
                     "RNIE letter '" + std::string(1, c) + "' is not one of A-H, J, K");
  }
  return Valid(IneVariant::Rnie);
}

bool HasApprentiShape(std::string_view ine) {
  return AllDigits(ine.substr(0, 4)) && ine[4] == 'A' && AllDigits(ine.substr(5, 5)) &&
         IsCapital(ine[10]);
}

}  // namespace

std::string NormaliseIne(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (std::size_t skip = SeparatorLength(text, i)) {
      i += skip;
      continue;
    }
    char c = text[i++];
    out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return out;
}

IneValidation ValidateIne(std::string_view ine) {
  if (ine.size() != kIneLength)
    return Invalid(std::nullopt,
                   "wrong length: " + std::to_string(ine.size()) + " characters, expected 11");
  auto odd = std::find_if_not(ine.begin(), ine.end(), IsBase36);
  if (odd != ine.end())
    return Invalid(std::nullopt, "character " + std::to_string(odd - ine.begin() + 1) +
                                     " is not a digit or a capital letter");
  // Shapes, told apart by the last character, then the digit/letter pattern.
  if (IsDigit(ine[10])) return CheckBase36(ine);
  if (AllDigits(ine.substr(0, 10))) return CheckBea(ine);
  if (AllDigits(ine.substr(0, 9)) && IsCapital(ine[9])) return CheckRnie(ine);
  if (HasApprentiShape(ine)) return Valid(IneVariant::Apprenti);
  return Invalid(std::nullopt, "fits no INE shape (RNIE, BEA, base 36, apprenti)");
}

std::string BeaKey(std::string_view ten_digits) {
  if (ten_digits.size() != 10 || !AllDigits(ten_digits)) return {};
  std::uint64_t n = 0;
  for (char c : ten_digits) n = n * 10 + static_cast<std::uint64_t>(c - '0');
  return std::string(1, kBeaKeys[n % kBeaKeys.size()]);
}

char Base36Key(std::string_view ten_chars) {
  if (ten_chars.size() != 10 || !std::all_of(ten_chars.begin(), ten_chars.end(), IsBase36))
    return '\0';
  int sum = 0;
  for (char c : ten_chars.substr(0, 9)) sum += Base36Value(c);
  return static_cast<char>('0' + (6 * sum + Base36Value(ten_chars[9])) % 10);
}

}  // namespace dossier
