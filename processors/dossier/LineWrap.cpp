#include "processors/dossier/LineWrap.h"

#include <podofo/podofo.h>

#include <sstream>

namespace dossier {
namespace {

PoDoFo::PdfString Utf8(const std::string& text) {
  return PoDoFo::PdfString(reinterpret_cast<const PoDoFo::pdf_utf8*>(text.c_str()));
}

std::size_t CodePointLength(unsigned char lead) {
  return lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : 4;
}

// Cuts a word too wide for one line into pieces that fit, between code points.
std::vector<std::string> CutWord(const std::string& word, PoDoFo::PdfFont& font, double size,
                                 double width) {
  std::vector<std::string> pieces;
  std::string current;
  for (std::size_t i = 0; i < word.size();) {
    std::size_t n = CodePointLength(static_cast<unsigned char>(word[i]));
    std::string next = word.substr(i, n);
    if (!current.empty() && TextWidth(current + next, font, size) > width) {
      pieces.push_back(current);
      current.clear();
    }
    current += next;
    i += n;
  }
  pieces.push_back(current);
  return pieces;
}

void WrapParagraph(const std::string& paragraph, PoDoFo::PdfFont& font, double size, double width,
                   std::vector<std::string>& lines) {
  std::istringstream words(paragraph);
  std::string word, current;
  while (words >> word) {
    std::string candidate = current.empty() ? word : current + " " + word;
    if (TextWidth(candidate, font, size) <= width) {
      current = candidate;
      continue;
    }
    if (!current.empty()) lines.push_back(current);
    current = word;
    if (TextWidth(word, font, size) > width) {
      std::vector<std::string> pieces = CutWord(word, font, size, width);
      lines.insert(lines.end(), pieces.begin(), pieces.end() - 1);
      current = pieces.back();
    }
  }
  lines.push_back(current);  // an empty paragraph stays an empty line
}

}  // namespace

double TextWidth(const std::string& text, PoDoFo::PdfFont& font, double size) {
  font.SetFontSize(static_cast<float>(size));
  return font.GetFontMetrics()->StringWidth(Utf8(text));
}

std::vector<std::string> WrapToWidth(const std::string& text, PoDoFo::PdfFont& font, double size,
                                     double width) {
  std::vector<std::string> lines;
  std::istringstream paragraphs(text);
  std::string paragraph;
  while (std::getline(paragraphs, paragraph)) WrapParagraph(paragraph, font, size, width, lines);
  if (lines.empty()) lines.emplace_back();
  return lines;
}

}  // namespace dossier
