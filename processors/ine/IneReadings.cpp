#include "processors/ine/IneReadings.h"

#include <algorithm>
#include <array>

#include "core/ine/IneNumber.h"

namespace dossier {
namespace {

constexpr std::size_t kIneLength = 11;
constexpr IneVariant kVariants[] = {IneVariant::Rnie, IneVariant::Bea, IneVariant::Base36,
                                    IneVariant::Apprenti};

// Characters OCR reads for one another, in either direction. Lowercase l
// and '|' arrive here as L and I (normalised, un-punctuated). A character
// may sit in several groups (Z with 2 and with 7): its look-alikes are
// every other member of each.
constexpr std::string_view kLookalikeGroups[] = {"0OQD", "1IL", "2Z", "5S", "8B",
                                                 "6G",   "4A",  "7Z", "IJ", "6E"};

// The characters OCR may have read `c` for, `c` excluded.
std::string LookalikesOf(char c) {
  std::string others;
  for (std::string_view group : kLookalikeGroups)
    if (group.find(c) != std::string_view::npos)
      for (char other : group)
        if (other != c && others.find(other) == std::string::npos) others += other;
  return others;
}

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}
bool IsCapital(char c) {
  return c >= 'A' && c <= 'Z';
}

bool Allows(char kind, char c) {
  switch (kind) {
    case 'D':
      return IsDigit(c);
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

// What each position of the token may be in one variant: the character as
// read first, then its look-alikes the variant allows there.
using Options = std::array<std::string, kIneLength>;

bool OptionsFor(std::string_view token, IneVariant variant, Options& options) {
  std::string_view pattern = IneVariantPattern(variant);
  for (std::size_t i = 0; i < kIneLength; ++i) {
    options[i].clear();
    if (Allows(pattern[i], token[i])) options[i] += token[i];
    for (char alternative : LookalikesOf(token[i]))
      if (Allows(pattern[i], alternative)) options[i] += alternative;
    if (options[i].empty()) return false;
  }
  return true;
}

// The key, or the letters' rule, of a string that already has the shape.
bool KeyHolds(const std::string& value, IneVariant variant) {
  switch (variant) {
    case IneVariant::Bea:
      return ValidateIne(value).valid;  // also refuses ten identical digits
    case IneVariant::Base36:
      return Base36Key(std::string_view(value).substr(0, 10)) == value[10];
    case IneVariant::Rnie:
    case IneVariant::Apprenti:
      return true;  // the pattern is the whole rule
  }
  return false;
}

// The pairs OCR really swaps: a digit and the letter drawn like it, and a
// serif J and I. The rest of a group (0 for Q or D, I or 1 for L, E for 6)
// takes a misprint or a bad scan: a swap across it costs twice as much. A
// printed capital L, its foot flat on the line, is never read as 1; a 1 read
// as a lowercase l arrives as L, a reading still found, at the dearer cost.
bool CloseLookalikes(char a, char b) {
  constexpr std::string_view kPairs[] = {"0O", "1I", "2Z", "5S", "8B", "6G", "4A", "7Z", "IJ"};
  for (std::string_view pair : kPairs)
    if ((a == pair[0] && b == pair[1]) || (a == pair[1] && b == pair[0])) return true;
  return a == b;
}

struct Search {
  std::string_view token;
  IneVariant variant;
  const Options& options;
  const IneReadingLimits& limits;
  int budget;  // a close pair's swap costs 1, another look-alike's 2
  IneReadings& found;
  long& visited;
  std::string value;

  void From(std::size_t at, int swaps, int cost) {
    if (found.bounded) return;
    if (++visited > limits.max_visited ||
        static_cast<int>(found.valid.size()) >= limits.max_readings) {
      found.bounded = true;
      return;
    }
    if (at == kIneLength) {
      if (KeyHolds(value, variant)) found.valid.push_back({value, variant, swaps});
      return;
    }
    for (char option : options[at]) {
      int more = option == token[at] ? 0 : 1;
      int dearer = more == 0 ? 0 : CloseLookalikes(option, token[at]) ? 1 : 2;
      if (swaps + more > limits.max_swaps || cost + dearer > budget) continue;
      value[at] = option;
      From(at + 1, swaps + more, cost + dearer);
    }
  }
};

}  // namespace

bool MayBeLookalike(char read, char printed) {
  return read == printed || LookalikesOf(read).find(printed) != std::string::npos;
}

IneReadings EnumerateIneReadings(std::string_view normalised, const IneReadingLimits& limits) {
  IneReadings found;
  if (normalised.size() != kIneLength) return found;
  long visited = 0;
  Options options;
  // One more unit of cost at a time: the first budget that yields a valid
  // reading is the likeliest (OCR's common pairs before its rare ones), and
  // the search never wanders into the thousands of readings a budget of
  // four swaps allows.
  for (int budget = 0; budget <= 2 * limits.max_swaps && found.valid.empty(); ++budget) {
    for (IneVariant variant : kVariants) {
      if (!OptionsFor(normalised, variant, options)) continue;
      Search search{normalised, variant, options, limits,
                    budget,     found,   visited, std::string(normalised)};
      search.From(0, 0, 0);
    }
    if (found.bounded) break;
  }
  // The four shapes are disjoint, so no value is found twice.
  return found;
}

namespace {

// Whether OCR saw the declared INE's own character wherever the token
// differs from it: no valid INE has there the character read, or its close
// look-alike, or a look-alike of the declared character close to the one
// read. Those are the readings a candidate's real mistake or a pair the key
// cannot see (G/6, L/1 in base 36; any letter where there is no key) would
// give. A digit 0 read where an unkeyed INE has the letter O is that O: a Q
// or a D would show their tail or their stem.
bool OcrSawDeclared(std::string_view normalised, std::string_view declared) {
  std::string other(declared);
  for (std::size_t i = 0; i < kIneLength; ++i) {
    if (normalised[i] == declared[i]) continue;
    std::string printed_may_be =
        normalised[i] + LookalikesOf(normalised[i]) + LookalikesOf(declared[i]);
    for (char alternative : printed_may_be) {
      if (alternative == declared[i] || !CloseLookalikes(normalised[i], alternative)) continue;
      other[i] = alternative;
      if (ValidateIne(other).valid) return false;
    }
    other[i] = declared[i];
  }
  return true;
}

// Of several valid readings with the fewest swaps, the one that needs only
// pairs OCR really swaps (I read for 1, not for L), when it is alone so.
// Never the declared INE: only the evidence of AsDeclared grants that.
std::optional<IneReading> CloseReading(std::string_view normalised, std::string_view declared,
                                       const std::vector<IneReading>& readings) {
  std::optional<IneReading> close;
  for (const IneReading& reading : readings) {
    bool all_close = true;
    for (std::size_t i = 0; i < kIneLength && all_close; ++i)
      all_close = CloseLookalikes(normalised[i], reading.value[i]);
    if (!all_close) continue;
    if (close) return std::nullopt;  // two: no way to choose
    close = reading;
  }
  if (close && close->value == declared) return std::nullopt;
  return close;
}

// The declared INE as a reading of the token: every character read as
// itself or one of its look-alikes, within the swap budget, and OCR's
// evidence for it (OcrSawDeclared).
std::optional<IneReading> AsDeclared(std::string_view normalised, std::string_view declared,
                                     const IneReadingLimits& limits) {
  if (declared.size() != kIneLength || normalised.size() != kIneLength) return std::nullopt;
  IneValidation valid = ValidateIne(declared);
  if (!valid.valid) return std::nullopt;
  int swaps = 0;
  for (std::size_t i = 0; i < kIneLength; ++i) {
    if (!MayBeLookalike(normalised[i], declared[i])) return std::nullopt;
    swaps += normalised[i] != declared[i];
  }
  if (swaps > limits.max_swaps || !OcrSawDeclared(normalised, declared)) return std::nullopt;
  return IneReading{std::string(declared), *valid.variant, swaps};
}

// Of several valid readings, the one nearest to a declared INE that is not
// valid (a slip that broke its key or its shape, so it cannot be the printed
// one): the slip touched one or two characters, the rest is the document's.
// Alone at its distance, or none.
std::optional<IneReading> NearestToMistyped(std::string_view declared,
                                            const std::vector<IneReading>& readings) {
  if (declared.size() != kIneLength || ValidateIne(declared).valid) return std::nullopt;
  std::optional<IneReading> nearest;
  int best = static_cast<int>(kIneLength) + 1;
  bool tie = false;
  for (const IneReading& reading : readings) {
    int distance = 0;
    for (std::size_t i = 0; i < kIneLength; ++i) distance += reading.value[i] != declared[i];
    if (distance < best) {
      best = distance;
      nearest = reading;
      tie = false;
    } else if (distance == best) {
      tie = true;
    }
  }
  if (tie) return std::nullopt;
  return nearest;
}

}  // namespace

IneSettlement SettleIneToken(std::string_view normalised, std::string_view declared,
                             const IneReadingLimits& limits) {
  IneSettlement settled;
  if (std::optional<IneReading> mine = AsDeclared(normalised, declared, limits)) {
    settled.reading = std::move(mine);
    settled.declared = true;
    return settled;
  }
  IneReadings readings = EnumerateIneReadings(normalised, limits);
  if (readings.valid.size() == 1 && !readings.bounded) {
    settled.reading = readings.valid.front();
    return settled;
  }
  if (!readings.bounded && readings.valid.size() > 1) {
    settled.reading = NearestToMistyped(declared, readings.valid);
    if (!settled.reading) settled.reading = CloseReading(normalised, declared, readings.valid);
    if (settled.reading) return settled;
  }
  settled.ambiguous = readings.bounded || readings.valid.size() > 1;
  return settled;
}

bool HasIneShape(std::string_view normalised) {
  if (normalised.size() != kIneLength) return false;
  const auto digits = std::count_if(normalised.begin(), normalised.end(), IsDigit);
  Options options;
  for (IneVariant variant : kVariants) {
    if (!OptionsFor(normalised, variant, options)) continue;
    long swaps = 0;
    for (std::size_t i = 0; i < kIneLength; ++i) swaps += options[i][0] != normalised[i];
    if (swaps < digits) return true;
  }
  return false;
}

}  // namespace dossier
