#include "processors/ine/IneLookalikes.h"

#include <algorithm>

#include "processors/ine/IneNumber.h"

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
