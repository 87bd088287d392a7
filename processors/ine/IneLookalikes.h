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

}  // namespace dossier
