#include "processors/ine/OcrLine.h"

namespace dossier {

std::string OcrLine::Text() const {
  std::string text;
  for (const OcrSymbol& symbol : symbols) {
    if (symbol.word_start && !text.empty()) text += ' ';
    text += symbol.text;
  }
  return text;
}

}  // namespace dossier
