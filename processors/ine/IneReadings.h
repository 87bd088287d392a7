#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ine/IneVariant.h"

namespace dossier {

// One valid INE an OCR'd token can stand for, and how many of its
// characters had to be swapped for a look-alike to get there.
struct IneReading {
  std::string value;
  IneVariant variant = IneVariant::Rnie;
  int swaps = 0;
};

// Bounds on the search: a token made only of look-alikes (« OOOOOOOOOO0 »)
// has hundreds of thousands of readings; past these, it is not settled.
struct IneReadingLimits {
  int max_swaps = 4;          // look-alikes misread in one token
  int max_readings = 64;      // valid readings kept
  long max_visited = 200000;  // partial readings tried, all variants together
};

struct IneReadings {
  std::vector<IneReading> valid;  // distinct values, all with the same, fewest swaps
  bool bounded = false;           // a limit cut the search short
};

// The valid INEs (key right where there is one) that the normalised token
// can be at the least cost, once the characters OCR confuses may stand for
// one another: O 0 Q D, I 1 L, Z 2, S 5, B 8, G 6, A 4, Z 7, I J, E 6. A
// swap costs 1 for the pairs OCR really makes (0/O, 1/I, 2/Z, 5/S, 8/B,
// 6/G, 4/A, 7/Z, I/J), 2 for the rest (O for Q or D, I or 1 for L, E for 6). Each position
// only takes what its variant allows there (a digit, an RNIE letter, …).
// A token valid as read comes back alone, with 0 swaps.
IneReadings EnumerateIneReadings(std::string_view normalised, const IneReadingLimits& limits = {});

// What a token says, once settled.
struct IneSettlement {
  std::optional<IneReading> reading;  // empty: no valid reading, or no way to choose
  bool ambiguous = false;             // several valid readings, none chosen
  bool declared = false;              // the reading is the declared INE, preferred
};

// Settles a token. The declared INE (normalised; may be empty) is, when
// valid, chosen when the token can be it, each character read as itself or a
// look-alike, and the evidence is for it: no valid INE one look-alike away
// from it, where OCR did not read the declared character, can be the
// printed one (a letter of a variant without a key, a pair the base-36 key
// cannot see: G/6, L/1). A candidate who mistyped one character of their INE
// thus never gets `conforme` from a look-alike. Otherwise, exactly one valid
// reading at the least cost is that reading; of several, the only one made
// of the pairs OCR really makes (I read where 1 or L may be printed is the
// 1), unless it is the declared INE. A declared INE that is not valid (a slip broke its key)
// is never the reading, but of several it picks the one nearest to it,
// alone at its distance. Else the token stays ambiguous: never a guess.
IneSettlement SettleIneToken(std::string_view normalised, std::string_view declared,
                             const IneReadingLimits& limits = {});

// True when OCR may have read `read` for `printed`: the same character, or
// two of one look-alike group.
bool MayBeLookalike(char read, char printed);

// True when the token fits some INE shape once look-alikes stand for one
// another (keys unchecked), with at least as many true digits as swaps: how
// a misread INE is still recognised as one.
bool HasIneShape(std::string_view normalised);

}  // namespace dossier
