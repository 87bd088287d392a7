#include "processors/dossier/DossierCover.h"

#include <podofo/podofo.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "core/messages/CoverLabels.h"
#include "processors/dossier/LineWrap.h"
#include "processors/dossier/PageFrame.h"
#include "processors/dossier/PageText.h"
#include "processors/dossier/WinAnsiText.h"

namespace dossier {
namespace {

using namespace PoDoFo;

using namespace page_frame;

constexpr double kCellSize = 9, kCellLeading = 11.5, kCellPadding = 4;

constexpr std::size_t kColumns = 4;
constexpr std::array<double, kColumns> kColumnShare = {0.27, 0.13, 0.31, 0.29};

struct Fonts {
  PdfFont* regular;
  PdfFont* bold;
};

using Cells = std::array<std::vector<std::string>, kColumns>;

struct Row {
  Cells cells;
  double height = 0;
};

// Everything measured before anything is painted, so that the footer can
// say "page n / N".
struct Layout {
  PageIntro intro;
  Row header;
  std::vector<Row> rows;
  std::vector<std::vector<std::size_t>> pages;  // the rows of each page
};

double ColumnWidth(std::size_t column) {
  return kBodyWidth * kColumnShare[column];
}

double ColumnLeft(std::size_t column) {
  double x = kMargin;
  for (std::size_t c = 0; c < column; ++c) x += ColumnWidth(c);
  return x;
}

std::vector<std::string> Wrap(const std::string& text, PdfFont* font, double size, double width) {
  return WrapFrench(text, font, size, width);
}

void PopCodePoint(std::string& text) {
  while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();
  if (!text.empty()) text.pop_back();
}

// Keeps a cell within one page: the last line kept ends with "…".
void Clamp(std::vector<std::string>& lines, std::size_t max_lines, PdfFont* font, double width) {
  if (lines.size() <= max_lines) return;
  lines.resize(std::max<std::size_t>(max_lines, 1));
  std::string& last = lines.back();
  while (!last.empty() && TextWidth(last + "…", *font, kCellSize) > width) PopCodePoint(last);
  last += "…";
}

Row MakeRow(const std::array<std::string, kColumns>& texts, PdfFont* font, std::size_t max_lines) {
  Row row;
  std::size_t lines = 1;
  for (std::size_t c = 0; c < kColumns; ++c) {
    double width = ColumnWidth(c) - 2 * kCellPadding;
    row.cells[c] = Wrap(texts[c], font, kCellSize, width);
    Clamp(row.cells[c], max_lines, font, width);
    lines = std::max(lines, row.cells[c].size());
  }
  row.height = 2 * kCellPadding + static_cast<double>(lines) * kCellLeading;
  return row;
}

std::vector<std::string> InfoLines(const DossierCover& cover, PdfFont* font) {
  std::vector<std::string> lines;
  for (const std::string& text :
       {messages::CoverCandidatureLine(cover.candidature_id),
        messages::CoverIneLine(cover.declared_ine), messages::CoverStatusLine(cover.status),
        messages::CoverGeneratedLine(cover.generated_at)}) {
    std::vector<std::string> wrapped = Wrap(text, font, kInfoSize, kBodyWidth);
    lines.insert(lines.end(), wrapped.begin(), wrapped.end());
  }
  return lines;
}

// The header of a continuation page; returns the y where the table resumes.
double Continuation(PdfPainter* painter, const Fonts& fonts, const Layout& layout) {
  double y = kHeight - kMargin - kHeadingSize;
  if (painter)
    DrawLine(*painter, fonts.bold, kHeadingSize, kMargin, y,
             messages::CoverContinued(layout.intro.heading));
  return y - 10;
}

void PaintRow(PdfPainter& painter, PdfFont* font, const Row& row, double top, bool shaded) {
  if (shaded) {
    painter.SetColor(0.90, 0.91, 0.94);
    painter.Rectangle(kMargin, top - row.height, kBodyWidth, row.height);
    painter.Fill();
  }
  painter.SetColor(0, 0, 0);
  for (std::size_t c = 0; c < kColumns; ++c) {
    double y = top - kCellPadding - 0.78 * kCellSize;
    for (const std::string& line : row.cells[c]) {
      if (!line.empty()) DrawLine(painter, font, kCellSize, ColumnLeft(c) + kCellPadding, y, line);
      y -= kCellLeading;
    }
  }
  painter.SetStrokingColor(0.70, 0.70, 0.70);
  painter.SetStrokeWidth(0.5);
  painter.DrawLine(kMargin, top - row.height, kWidth - kMargin, top - row.height);
}

std::array<std::string, kColumns> RowTexts(const CoverPiece& piece) {
  return {piece.label, piece.status, piece.precheck, piece.comment};
}

// Rows go on the current page while they fit above the footer; each row
// fits an empty page (Clamp()).
std::vector<std::vector<std::size_t>> Paginate(const Layout& layout, double first_top,
                                               double next_top) {
  std::vector<std::vector<std::size_t>> pages(1);
  double y = first_top - layout.header.height;
  for (std::size_t i = 0; i < layout.rows.size(); ++i) {
    if (y - layout.rows[i].height < kTableBottom && !pages.back().empty()) {
      pages.emplace_back();
      y = next_top - layout.header.height;
    }
    pages.back().push_back(i);
    y -= layout.rows[i].height;
  }
  return pages;
}

Layout Measure(const DossierCover& cover, const Fonts& fonts) {
  Layout layout;
  layout.intro = {
      messages::CoverTitle(), Wrap(cover.formation, fonts.bold, kHeadingSize, kBodyWidth),
      InfoLines(cover, fonts.regular), messages::CoverPiecesHeading(cover.pieces.size())};
  std::array<std::string, kColumns> titles;
  std::vector<std::string> column_titles = messages::CoverColumnTitles();
  std::copy_n(column_titles.begin(), kColumns, titles.begin());
  layout.header = MakeRow(titles, fonts.bold, 4);
  // A row taller than the first page's table is cut to fit it: a comment
  // of several pages is no use on a cover.
  double first_top = PaintPageIntro(nullptr, fonts.regular, fonts.bold, layout.intro);
  double room = first_top - layout.header.height - kTableBottom - 2 * kCellPadding;
  auto max_lines = static_cast<std::size_t>(std::max(1.0, std::floor(room / kCellLeading)));
  for (const CoverPiece& piece : cover.pieces)
    layout.rows.push_back(MakeRow(RowTexts(piece), fonts.regular, max_lines));
  if (cover.pieces.empty())
    layout.rows.push_back(MakeRow({messages::CoverNoPiece(), "", "", ""}, fonts.regular, 1));
  layout.pages = Paginate(layout, first_top, Continuation(nullptr, fonts, layout));
  return layout;
}

}  // namespace

int PaintDossierCover(PdfMemDocument& doc, const DossierCover& cover) {
  Fonts fonts{Base14Font(doc, "Helvetica"), Base14Font(doc, "Helvetica-Bold")};
  Layout layout = Measure(cover, fonts);
  for (std::size_t p = 0; p < layout.pages.size(); ++p) {
    PdfPage* page = doc.CreatePage(PdfRect(0, 0, kWidth, kHeight));
    PdfPainter painter;
    painter.SetPage(page);
    double top = p == 0 ? PaintPageIntro(&painter, fonts.regular, fonts.bold, layout.intro)
                        : Continuation(&painter, fonts, layout);
    PaintRow(painter, fonts.bold, layout.header, top, true);
    top -= layout.header.height;
    for (std::size_t index : layout.pages[p]) {
      PaintRow(painter, fonts.regular, layout.rows[index], top, false);
      top -= layout.rows[index].height;
    }
    PaintPageFooter(painter, fonts.regular,
                    messages::CoverFooter(cover.candidature_id, p + 1, layout.pages.size()));
    painter.FinishPage();
  }
  return static_cast<int>(layout.pages.size());
}

}  // namespace dossier
