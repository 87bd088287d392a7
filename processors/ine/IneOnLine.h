#pragma once

#include <optional>
#include <string>

#include "core/ine/IneVariant.h"
#include "processors/ine/OcrLine.h"

namespace dossier {

// An INE read on one OCR line.
struct IneLineRead {
  std::string raw;    // the token as Tesseract spelt it, normalised
  std::string value;  // the valid INE after look-alike correction; empty if none
  IneVariant variant = IneVariant::Rnie;
  int corrections = 0;       // look-alikes fixed (O→0, I→1, …)
  float min_confidence = 0;  // weakest character of the token
};

// The first INE-shaped token of `line` and what it reads as. nullopt when
// the line holds none. When the candidate's `declared` INE is given and the
// line shows it up to look-alikes (ReadsAs), that reading wins: the
// declared value settles what OCR cannot tell apart (O/0, S/5, …).
std::optional<IneLineRead> ReadIneOnLine(const OcrLine& line, const std::string& declared = "");

}  // namespace dossier
