#include "processors/dossier/DossierCover.h"

#include <podofo/podofo.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "core/messages/CoverLabels.h"
#include "processors/dossier/LineWrap.h"
#include "processors/dossier/PageText.h"
#include "processors/dossier/WinAnsiText.h"

namespace dossier {
namespace {

using namespace PoDoFo;

constexpr double kPageWidth = 595.28, kPageHeight = 841.89;  // A4 in points
constexpr double kMargin = 50;
constexpr double kBodyWidth = kPageWidth - 2 * kMargin;
constexpr double kTableBottom = kMargin + 12;  // the footer sits below
constexpr double kTitleSize = 18, kHeadingSize = 12, kHeadingLeading = 16;
constexpr double kInfoSize = 10, kInfoLeading = 14;
constexpr double kCellSize = 9, kCellLeading = 11.5, kCellPadding = 4;
constexpr double kFooterSize = 8;

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
  std::vector<std::string> formation;
  std::vector<std::string> info;
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

std::string SectionHeading(const DossierCover& cover) {
  return messages::CoverPiecesHeading(cover.pieces.size());
}

// The first page's header, from the top margin down; only measured when
// `painter` is null. Returns the y where the table starts.
double Intro(PdfPainter* painter, const Fonts& fonts, const Layout& layout,
             const DossierCover& cover) {
  double y = kPageHeight - kMargin - kTitleSize;
  if (painter) {
    painter->SetColor(0.10, 0.16, 0.35);
    DrawLine(*painter, fonts.bold, kTitleSize, kMargin, y, messages::CoverTitle());
  }
  y -= kTitleSize + 8;
  for (const std::string& line : layout.formation) {
    if (painter) DrawLine(*painter, fonts.bold, kHeadingSize, kMargin, y, line);
    y -= kHeadingLeading;
  }
  if (painter) {
    painter->SetStrokingColor(0.10, 0.16, 0.35);
    painter->SetStrokeWidth(1);
    painter->DrawLine(kMargin, y + 8, kPageWidth - kMargin, y + 8);
    painter->SetColor(0, 0, 0);
  }
  y -= 10;
  for (const std::string& line : layout.info) {
    if (painter) DrawLine(*painter, fonts.regular, kInfoSize, kMargin, y, line);
    y -= kInfoLeading;
  }
  y -= 12;
  if (painter) DrawLine(*painter, fonts.bold, kHeadingSize, kMargin, y, SectionHeading(cover));
  return y - 10;
}

// The header of a continuation page; returns the y where the table resumes.
double Continuation(PdfPainter* painter, const Fonts& fonts, const DossierCover& cover) {
  double y = kPageHeight - kMargin - kHeadingSize;
  if (painter)
    DrawLine(*painter, fonts.bold, kHeadingSize, kMargin, y,
             messages::CoverContinued(SectionHeading(cover)));
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
  painter.DrawLine(kMargin, top - row.height, kPageWidth - kMargin, top - row.height);
}

void PaintFooter(PdfPainter& painter, PdfFont* font, const DossierCover& cover, std::size_t page,
                 std::size_t pages) {
  painter.SetColor(0.35, 0.35, 0.35);
  font->SetFontSize(static_cast<float>(kFooterSize));
  painter.SetFont(font);
  std::string text = ToWinAnsiRepertoire(messages::CoverFooter(cover.candidature_id, page, pages));
  painter.DrawTextAligned(kMargin, kMargin - 20, kBodyWidth, PdfTextOf(text), ePdfAlignment_Center);
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
  layout.formation = Wrap(cover.formation, fonts.bold, kHeadingSize, kBodyWidth);
  layout.info = InfoLines(cover, fonts.regular);
  std::array<std::string, kColumns> titles;
  std::vector<std::string> column_titles = messages::CoverColumnTitles();
  std::copy_n(column_titles.begin(), kColumns, titles.begin());
  layout.header = MakeRow(titles, fonts.bold, 4);
  // A row taller than the first page's table is cut to fit it: a comment
  // of several pages is no use on a cover.
  double first_top = Intro(nullptr, fonts, layout, cover);
  double room = first_top - layout.header.height - kTableBottom - 2 * kCellPadding;
  auto max_lines = static_cast<std::size_t>(std::max(1.0, std::floor(room / kCellLeading)));
  for (const CoverPiece& piece : cover.pieces)
    layout.rows.push_back(MakeRow(RowTexts(piece), fonts.regular, max_lines));
  if (cover.pieces.empty())
    layout.rows.push_back(MakeRow({messages::CoverNoPiece(), "", "", ""}, fonts.regular, 1));
  layout.pages = Paginate(layout, first_top, Continuation(nullptr, fonts, cover));
  return layout;
}

}  // namespace

int PaintDossierCover(PdfMemDocument& doc, const DossierCover& cover) {
  Fonts fonts{Base14Font(doc, "Helvetica"), Base14Font(doc, "Helvetica-Bold")};
  Layout layout = Measure(cover, fonts);
  for (std::size_t p = 0; p < layout.pages.size(); ++p) {
    PdfPage* page = doc.CreatePage(PdfRect(0, 0, kPageWidth, kPageHeight));
    PdfPainter painter;
    painter.SetPage(page);
    double top =
        p == 0 ? Intro(&painter, fonts, layout, cover) : Continuation(&painter, fonts, cover);
    PaintRow(painter, fonts.bold, layout.header, top, true);
    top -= layout.header.height;
    for (std::size_t index : layout.pages[p]) {
      PaintRow(painter, fonts.regular, layout.rows[index], top, false);
      top -= layout.rows[index].height;
    }
    PaintFooter(painter, fonts.regular, cover, p + 1, layout.pages.size());
    painter.FinishPage();
  }
  return static_cast<int>(layout.pages.size());
}

}  // namespace dossier
