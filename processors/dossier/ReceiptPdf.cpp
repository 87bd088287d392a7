#include "processors/dossier/ReceiptPdf.h"

#include <podofo/podofo.h>

#include <algorithm>
#include <array>

#include "core/messages/ReceiptDate.h"
#include "core/messages/ReceiptLabels.h"
#include "processors/dossier/PageText.h"
#include "processors/dossier/WinAnsiText.h"
#include "processors/pdf/PdfWrite.h"
#include "processors/pdf/QuietPodofo.h"

namespace dossier {
namespace {

using namespace PoDoFo;

constexpr double kPageWidth = 595.28, kPageHeight = 841.89;  // A4 in points
constexpr double kMargin = 50;
constexpr double kBodyWidth = kPageWidth - 2 * kMargin;
constexpr double kBottom = kMargin + 12;  // the footer sits below
constexpr double kTitleSize = 18, kHeadingSize = 12, kHeadingLeading = 16;
constexpr double kInfoSize = 10, kInfoLeading = 14;
constexpr double kCellSize = 9, kCellLeading = 11.5, kCellPadding = 4;
constexpr double kHashSize = 8.5;
constexpr double kNoteSize = 9, kNoteLeading = 12;
constexpr double kFooterSize = 8;
// A pièce's label and its many files stay within this many lines.
constexpr std::size_t kMaxCellLines = 8;
// 64 hexadecimal digits as two lines of 32: the Courier column is narrow
// enough for the label to keep its room.
constexpr std::size_t kHashLine = 32;

constexpr std::size_t kColumns = 4;
constexpr std::array<double, kColumns> kColumnShare = {0.36, 0.14, 0.08, 0.42};

struct Fonts {
  PdfFont* regular;
  PdfFont* bold;
  PdfFont* mono;
};

struct Cell {
  std::vector<std::string> lines;
  bool mono = false;
};

struct Row {
  std::array<Cell, kColumns> cells;
  double height = 0;
};

struct Layout {
  std::vector<std::string> formation;
  std::vector<std::string> info;
  Row header;
  std::vector<Row> rows;
  std::vector<std::string> note;
  std::vector<std::vector<std::size_t>> pages;  // the rows of each page
  bool note_on_own_page = false;
};

double ColumnWidth(std::size_t column) {
  return kBodyWidth * kColumnShare[column];
}

double ColumnLeft(std::size_t column) {
  double x = kMargin;
  for (std::size_t c = 0; c < column; ++c) x += ColumnWidth(c);
  return x;
}

double TextWidthOf(std::size_t column) {
  return ColumnWidth(column) - 2 * kCellPadding;
}

Cell TextCell(const std::string& text, PdfFont* font, std::size_t column) {
  Cell cell{WrapFrench(text, font, kCellSize, TextWidthOf(column)), false};
  if (cell.lines.size() > kMaxCellLines) {
    cell.lines.resize(kMaxCellLines);
    cell.lines.back() += "…";
  }
  return cell;
}

Cell HashCell(const ReceiptPiece& piece, PdfFont* font) {
  if (piece.sha256.empty())
    return TextCell(piece.files.empty() ? messages::ReceiptNoFile() : messages::ReceiptPdfPending(),
                    font, 3);
  Cell cell{{}, true};
  for (std::size_t at = 0; at < piece.sha256.size(); at += kHashLine)
    cell.lines.push_back(piece.sha256.substr(at, kHashLine));
  return cell;
}

Row MakeRow(std::array<Cell, kColumns> cells) {
  Row row{std::move(cells), 0};
  std::size_t lines = 1;
  for (const Cell& cell : row.cells) lines = std::max(lines, cell.lines.size());
  row.height = 2 * kCellPadding + static_cast<double>(lines) * kCellLeading;
  return row;
}

Row PieceRow(const ReceiptPiece& piece, const Fonts& fonts) {
  std::string label = piece.label.empty() ? piece.code : piece.label;
  if (!piece.files.empty()) label += "\n" + messages::ReceiptFilesLine(piece.files);
  std::string pages = piece.pages ? std::to_string(*piece.pages) : messages::ReceiptUnknownPages();
  return MakeRow(
      {TextCell(label, fonts.regular, 0),
       TextCell(piece.status_label.empty() ? piece.status : piece.status_label, fonts.regular, 1),
       TextCell(pages, fonts.regular, 2), HashCell(piece, fonts.regular)});
}

Row HeaderRow(const Fonts& fonts) {
  std::vector<std::string> titles = messages::ReceiptColumnTitles();
  std::array<Cell, kColumns> cells;
  for (std::size_t c = 0; c < kColumns; ++c) cells[c] = TextCell(titles.at(c), fonts.bold, c);
  return MakeRow(std::move(cells));
}

std::vector<std::string> InfoLines(const DepositReceipt& receipt, PdfFont* font) {
  std::vector<std::string> lines;
  for (const std::string& text :
       {messages::ReceiptTransmittedLine(messages::ReceiptDateText(receipt.transmitted_at)),
        messages::ReceiptCandidatureLine(receipt.candidature_id),
        messages::ReceiptIneLine(receipt.ine)}) {
    std::vector<std::string> wrapped = WrapFrench(text, font, kInfoSize, kBodyWidth);
    lines.insert(lines.end(), wrapped.begin(), wrapped.end());
  }
  return lines;
}

// The first page's header, from the top margin down; only measured when
// `painter` is null. Returns the y where the table starts.
double Intro(PdfPainter* painter, const Fonts& fonts, const Layout& layout,
             const DepositReceipt& receipt) {
  double y = kPageHeight - kMargin - kTitleSize;
  if (painter) {
    painter->SetColor(0.10, 0.16, 0.35);
    DrawLine(*painter, fonts.bold, kTitleSize, kMargin, y, messages::ReceiptTitle());
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
  if (painter)
    DrawLine(*painter, fonts.bold, kHeadingSize, kMargin, y,
             messages::ReceiptPiecesHeading(receipt.pieces.size()));
  return y - 10;
}

double ContinuationTop() {
  return kPageHeight - kMargin;
}

void PaintRow(PdfPainter& painter, const Fonts& fonts, PdfFont* font, const Row& row, double top,
              bool shaded) {
  if (shaded) {
    painter.SetColor(0.90, 0.91, 0.94);
    painter.Rectangle(kMargin, top - row.height, kBodyWidth, row.height);
    painter.Fill();
  }
  painter.SetColor(0, 0, 0);
  for (std::size_t c = 0; c < kColumns; ++c) {
    const Cell& cell = row.cells[c];
    double y = top - kCellPadding - 0.78 * kCellSize;
    for (const std::string& line : cell.lines) {
      if (!line.empty())
        DrawLine(painter, cell.mono ? fonts.mono : font, cell.mono ? kHashSize : kCellSize,
                 ColumnLeft(c) + kCellPadding, y, line);
      y -= kCellLeading;
    }
  }
  painter.SetStrokingColor(0.70, 0.70, 0.70);
  painter.SetStrokeWidth(0.5);
  painter.DrawLine(kMargin, top - row.height, kPageWidth - kMargin, top - row.height);
}

double NoteHeight(const Layout& layout) {
  return 14 + static_cast<double>(layout.note.size()) * kNoteLeading;
}

// Rows go on the current page while they fit above the footer; the note
// follows the last row, on a page of its own when it does not fit.
void Paginate(Layout& layout, double first_top) {
  layout.pages.assign(1, {});
  double y = first_top - layout.header.height;
  for (std::size_t i = 0; i < layout.rows.size(); ++i) {
    if (y - layout.rows[i].height < kBottom && !layout.pages.back().empty()) {
      layout.pages.emplace_back();
      y = ContinuationTop() - layout.header.height;
    }
    layout.pages.back().push_back(i);
    y -= layout.rows[i].height;
  }
  layout.note_on_own_page = y - NoteHeight(layout) < kBottom;
}

Layout Measure(const DepositReceipt& receipt, const Fonts& fonts) {
  Layout layout;
  layout.formation = WrapFrench(receipt.formation, fonts.bold, kHeadingSize, kBodyWidth);
  layout.info = InfoLines(receipt, fonts.regular);
  layout.header = HeaderRow(fonts);
  for (const ReceiptPiece& piece : receipt.pieces) layout.rows.push_back(PieceRow(piece, fonts));
  layout.note =
      WrapFrench(messages::ReceiptFingerprintNote(), fonts.regular, kNoteSize, kBodyWidth);
  Paginate(layout, Intro(nullptr, fonts, layout, receipt));
  return layout;
}

void PaintNote(PdfPainter& painter, const Fonts& fonts, const Layout& layout, double top) {
  painter.SetColor(0.20, 0.20, 0.20);
  double y = top - 14 - kNoteSize;
  for (const std::string& line : layout.note) {
    DrawLine(painter, fonts.regular, kNoteSize, kMargin, y, line);
    y -= kNoteLeading;
  }
}

void PaintFooter(PdfPainter& painter, PdfFont* font, const DepositReceipt& receipt,
                 std::size_t page, std::size_t pages) {
  painter.SetColor(0.35, 0.35, 0.35);
  font->SetFontSize(static_cast<float>(kFooterSize));
  painter.SetFont(font);
  std::string text =
      ToWinAnsiRepertoire(messages::ReceiptFooter(receipt.candidature_id, page, pages));
  painter.DrawTextAligned(kMargin, kMargin - 20, kBodyWidth, PdfTextOf(text), ePdfAlignment_Center);
}

void Paint(PdfMemDocument& doc, const DepositReceipt& receipt) {
  Fonts fonts{Base14Font(doc, "Helvetica"), Base14Font(doc, "Helvetica-Bold"),
              Base14Font(doc, "Courier")};
  Layout layout = Measure(receipt, fonts);
  std::size_t pages = layout.pages.size() + (layout.note_on_own_page ? 1 : 0);
  for (std::size_t p = 0; p < pages; ++p) {
    PdfPainter painter;
    painter.SetPage(doc.CreatePage(PdfRect(0, 0, kPageWidth, kPageHeight)));
    double top = p == 0 ? Intro(&painter, fonts, layout, receipt) : ContinuationTop();
    if (p < layout.pages.size()) {
      PaintRow(painter, fonts, fonts.bold, layout.header, top, true);
      top -= layout.header.height;
      for (std::size_t index : layout.pages[p]) {
        PaintRow(painter, fonts, fonts.regular, layout.rows[index], top, false);
        top -= layout.rows[index].height;
      }
    }
    if (p + 1 == pages) PaintNote(painter, fonts, layout, top);
    PaintFooter(painter, fonts.regular, receipt, p + 1, pages);
    painter.FinishPage();
  }
  std::string title = ToWinAnsiRepertoire(messages::ReceiptDocumentTitle(receipt.candidature_id));
  doc.GetInfo()->SetTitle(PdfTextOf(title));
  doc.GetInfo()->SetProducer(PdfString("dossier"));
}

}  // namespace

std::string PaintReceiptPdf(const DepositReceipt& receipt) {
  QuietPodofo();
  try {
    PdfMemDocument doc;
    Paint(doc, receipt);
    return WritePdf(doc);
  } catch (const PdfError& error) {
    throw ReceiptPdfError(std::string("receipt of candidature ") + receipt.candidature_id +
                          ": PoDoFo " + PdfError::ErrorName(error.GetError()));
  }
}

}  // namespace dossier
