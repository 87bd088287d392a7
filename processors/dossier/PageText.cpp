#include "processors/dossier/PageText.h"

#include <podofo/podofo.h>

#include "processors/dossier/LineWrap.h"
#include "processors/dossier/WinAnsiText.h"

namespace dossier {
namespace {

void ReplaceAll(std::string& text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

std::string WithNoBreakSpaces(std::string text) {
  const std::string nbsp = "\xC2\xA0";
  ReplaceAll(text, "« ", "«" + nbsp);
  for (const char* mark : {"»", ":", ";", "?", "!"})
    ReplaceAll(text, std::string(" ") + mark, nbsp + mark);
  return text;
}

}  // namespace

PoDoFo::PdfFont* Base14Font(PoDoFo::PdfMemDocument& doc, const char* name) {
  PoDoFo::PdfFont* font =
      doc.CreateFont(name, false, PoDoFo::PdfEncodingFactory::GlobalWinAnsiEncodingInstance(),
                     PoDoFo::PdfFontCache::eFontCreationFlags_AutoSelectBase14, false);
  if (font == nullptr) PODOFO_RAISE_ERROR_INFO(PoDoFo::ePdfError_InvalidHandle, name);
  return font;
}

PoDoFo::PdfString PdfTextOf(const std::string& utf8) {
  return PoDoFo::PdfString(reinterpret_cast<const PoDoFo::pdf_utf8*>(utf8.c_str()));
}

void DrawLine(PoDoFo::PdfPainter& painter, PoDoFo::PdfFont* font, double size, double x, double y,
              const std::string& text) {
  font->SetFontSize(static_cast<float>(size));
  painter.SetFont(font);
  painter.DrawText(x, y, PdfTextOf(text));
}

std::vector<std::string> WrapFrench(const std::string& text, PoDoFo::PdfFont* font, double size,
                                    double width) {
  return WrapToWidth(WithNoBreakSpaces(ToWinAnsiRepertoire(text)), *font, size, width);
}

}  // namespace dossier
