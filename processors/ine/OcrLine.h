#pragma once

#include <string>
#include <vector>

namespace dossier {

// One recognised character and how sure Tesseract is of it (0–100).
struct OcrSymbol {
  std::string text;  // UTF-8, usually one character
  float confidence = 0;
  bool word_start = false;
};

// A text line as Tesseract read it, character by character: the INE check
// judges legibility from the weakest character of the number, not from a
// mean that a few sharp digits would flatter.
struct OcrLine {
  std::vector<OcrSymbol> symbols;
  // Tesseract's confidence in the line as a whole (0–100): low for text it
  // cannot make out or that lies upside down, even when each garbled
  // character was read confidently.
  float confidence = 0;

  // The line as text, words separated by single spaces.
  std::string Text() const;
};

}  // namespace dossier
