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
  int corrections = 0;        // look-alikes swapped (O→0, I→1, …)
  float min_confidence = 0;   // weakest character of the token
  bool declared = false;      // the declared INE, chosen among the token's readings
  bool ambiguous = false;     // several valid readings and nothing to choose
  float line_confidence = 0;  // Tesseract's confidence in the whole line
};

// The first INE-shaped token of `line` and what it reads as, settled by
// SettleIneToken. nullopt when the line holds none. When the candidate's
// `declared` INE is given and eleven characters of the line can be it up to
// look-alikes, the settlement may choose it (see SettleIneToken): the key
// and the declared value settle what OCR cannot tell apart (O/0, S/5, …).
std::optional<IneLineRead> ReadIneOnLine(const OcrLine& line, const std::string& declared = "");

// Whether a valid reading may be taken as the page's INE away from a
// label's own line (found by its shape, or on a line under the label, where
// the candidate's number also sits): the declared INE itself, or letters and
// digits mixed, as read and once settled (not a file, phone or candidate
// number), either read as printed or checked by a key, on a line read with
// confidence (upside-down text yields confident characters of garbage).
bool TrustedWithoutLabel(const IneLineRead& read);

// Where a line stands from the INE's label.
enum class LabelNearby { kOnTheLine, kAbove, kNone };

// Whether a reading may be kept where its line stands: anything on the
// label's line, TrustedBelowLabel under it, TrustedWithoutLabel elsewhere.
bool TrustedWhere(const IneLineRead& read, LabelNearby label);

// Whether a valid reading on a line under a label may be its INE: the
// declared INE, or a token read with a letter in it (the candidate number
// that follows the INE is digits only).
bool TrustedBelowLabel(const IneLineRead& read);

}  // namespace dossier
