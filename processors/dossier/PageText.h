#pragma once

#include <string>
#include <vector>

namespace PoDoFo {
class PdfFont;
class PdfMemDocument;
class PdfPainter;
class PdfString;
}  // namespace PoDoFo

namespace dossier {

// Text on the pages the service draws itself (the dossier's cover, the
// deposit receipt): base-14 fonts with WinAnsi encoding, French as is.

// A base-14 font ("Helvetica", "Helvetica-Bold", "Courier") in WinAnsi.
// Throws PoDoFo::PdfError.
PoDoFo::PdfFont* Base14Font(PoDoFo::PdfMemDocument& doc, const char* name);

PoDoFo::PdfString PdfTextOf(const std::string& utf8);

// Draws one line at (x, y) in `font` at `size` (PoDoFo reads the font's
// size when drawing, so it is set on every call).
void DrawLine(PoDoFo::PdfPainter& painter, PoDoFo::PdfFont* font, double size, double x, double y,
              const std::string& text);

// `text` in the fonts' repertoire (WinAnsiText), French typography's
// no-break spaces added (« and » with their word, : ; ? ! with the word
// before), wrapped to `width` points.
std::vector<std::string> WrapFrench(const std::string& text, PoDoFo::PdfFont* font, double size,
                                    double width);

}  // namespace dossier
