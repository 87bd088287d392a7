#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ine/IneVariant.h"

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
// valid): where the declared INE has a digit, the reading shows another one,
// or a letter that can only hide another one (an O is a 0, never a 5). A
// digit read where a letter is declared is what OCR does; a different digit,
// read with confidence, is evidence. `different` needs it.
bool ShowsAnotherIne(std::string_view read, std::string_view declared);

// `read` as the declared INE's shape says it must be spelt: look-alike
// digits in letter positions become letters, look-alike letters in digit
// positions digits. For showing what a document says when it is certainly
// another INE; never a basis for `conforme`.
std::string BestReading(std::string_view read, std::string_view declared);

}  // namespace dossier
