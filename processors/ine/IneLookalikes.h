#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "processors/ine/IneVariant.h"

namespace dossier {

// An INE read from OCR, with the look-alike letters it took to make it valid.
struct IneCandidate {
  std::string value;
  IneVariant variant;
  int corrections = 0;
};

// A normalised 11-character token read as `variant`: the OCR look-alikes
// O→0, I→1, L→1, S→5, B→8 replaced in that variant's digit positions (and
// nowhere else: a letter is never invented), or nullopt when the token cannot
// have that shape. The key is not checked here.
std::optional<IneCandidate> FitIneShape(std::string_view normalised, IneVariant variant);

// The valid INEs an OCR'd token can stand for: normalised, corrected for each
// variant whose shape fits, kept only when ValidateIne accepts the result;
// fewest corrections first, no duplicates. A token valid as it is comes back
// with 0 corrections. Never returns an invalid INE.
std::vector<IneCandidate> IneCandidatesFromOcr(std::string_view token);

// True when `read` (normalised OCR text) can be the `declared` INE, which
// must be valid, printed and misread only in look-alike pairs (O/0, Q/0,
// I/1, S/5, B/8, Z/2, and L/1, G/6 where no base-36 key is at stake). The
// declared value settles what OCR cannot tell apart; the key guards keyed
// variants, and a format-only INE must show its letters exactly.
bool ReadsAs(std::string_view read, std::string_view declared);

// True when `read` certainly is not the `declared` INE (which must be
// valid): a position where both show a digit, and not the same one. A letter
// read as a digit (or a digit as a letter) is what OCR does; a digit read as
// another digit, with confidence, is evidence. `different` needs it.
bool ShowsAnotherIne(std::string_view read, std::string_view declared);

}  // namespace dossier
