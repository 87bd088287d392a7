#pragma once

#include <string>
#include <vector>

namespace PoDoFo {
class PdfFont;
}

namespace dossier {

// The lines of `text` (UTF-8 within WinAnsiText's repertoire; "\n" forces a
// break) that fit `width` points when set in `font` at `size` points: greedy
// on spaces, and a word wider than the line (a URL, a long reference) is cut
// between characters. An empty text is one empty line. Sets the font's size.
std::vector<std::string> WrapToWidth(const std::string& text, PoDoFo::PdfFont& font, double size,
                                     double width);

// The width of `text` in points.
double TextWidth(const std::string& text, PoDoFo::PdfFont& font, double size);

}  // namespace dossier
