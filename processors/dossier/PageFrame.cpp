#include "processors/dossier/PageFrame.h"

#include <podofo/podofo.h>

#include "processors/dossier/PageText.h"
#include "processors/dossier/WinAnsiText.h"

namespace dossier {

using namespace page_frame;

double PaintPageIntro(PoDoFo::PdfPainter* painter, PoDoFo::PdfFont* regular, PoDoFo::PdfFont* bold,
                      const PageIntro& intro) {
  double y = kHeight - kMargin - kTitleSize;
  if (painter) {
    painter->SetColor(0.10, 0.16, 0.35);
    DrawLine(*painter, bold, kTitleSize, kMargin, y, intro.title);
  }
  y -= kTitleSize + 8;
  for (const std::string& line : intro.formation) {
    if (painter) DrawLine(*painter, bold, kHeadingSize, kMargin, y, line);
    y -= kHeadingLeading;
  }
  if (painter) {
    painter->SetStrokingColor(0.10, 0.16, 0.35);
    painter->SetStrokeWidth(1);
    painter->DrawLine(kMargin, y + 8, kWidth - kMargin, y + 8);
    painter->SetColor(0, 0, 0);
  }
  y -= 10;
  for (const std::string& line : intro.info) {
    if (painter) DrawLine(*painter, regular, kInfoSize, kMargin, y, line);
    y -= kInfoLeading;
  }
  y -= 12;
  if (painter) DrawLine(*painter, bold, kHeadingSize, kMargin, y, intro.heading);
  return y - 10;
}

void PaintPageFooter(PoDoFo::PdfPainter& painter, PoDoFo::PdfFont* font, const std::string& text) {
  painter.SetColor(0.35, 0.35, 0.35);
  font->SetFontSize(static_cast<float>(kFooterSize));
  painter.SetFont(font);
  painter.DrawTextAligned(kMargin, kMargin - 20, kBodyWidth, PdfTextOf(ToWinAnsiRepertoire(text)),
                          PoDoFo::ePdfAlignment_Center);
}

}  // namespace dossier
