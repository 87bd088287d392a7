#pragma once

#include <string>
#include <vector>

namespace PoDoFo {
class PdfFont;
class PdfPainter;
}  // namespace PoDoFo

namespace dossier {

// The frame shared by the pages the service draws itself (the dossier's
// cover, the récépissé): A4, the same margins and type sizes, a title over
// the formation and a few lines about the candidature, a table below, a
// footer. One frame so that both read as documents of the same service.
namespace page_frame {
constexpr double kWidth = 595.28, kHeight = 841.89;  // A4 in points
constexpr double kMargin = 50;
constexpr double kBodyWidth = kWidth - 2 * kMargin;
constexpr double kTableBottom = kMargin + 12;  // the footer sits below
constexpr double kTitleSize = 18, kHeadingSize = 12, kHeadingLeading = 16;
constexpr double kInfoSize = 10, kInfoLeading = 14;
constexpr double kFooterSize = 8;
}  // namespace page_frame

// What heads a first page; the lines are already wrapped to the body width.
struct PageIntro {
  std::string title;
  std::vector<std::string> formation;  // in bold, under the title
  std::vector<std::string> info;       // the candidature, the INE, the date…
  std::string heading;                 // the table's heading
};

// Paints `intro` from the top margin down, or only measures it when
// `painter` is null. Returns the y where the table starts.
double PaintPageIntro(PoDoFo::PdfPainter* painter, PoDoFo::PdfFont* regular, PoDoFo::PdfFont* bold,
                      const PageIntro& intro);

// The grey line centred under the body ("… page 2 / 3").
void PaintPageFooter(PoDoFo::PdfPainter& painter, PoDoFo::PdfFont* font, const std::string& text);

}  // namespace dossier
