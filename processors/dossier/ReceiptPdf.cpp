#include "processors/dossier/ReceiptPdf.h"

#include <podofo/podofo.h>

#include <algorithm>
#include <array>

#include "core/messages/ReceiptDate.h"
#include "core/messages/ReceiptLabels.h"
#include "processors/dossier/PageFrame.h"
#include "processors/dossier/PageText.h"
#include "processors/dossier/WinAnsiText.h"
#include "processors/pdf/PdfWrite.h"
#include "processors/pdf/QuietPodofo.h"

namespace dossier {
namespace {

using namespace PoDoFo;

using namespace page_frame;

constexpr double kCellSize = 9, kCellLeading = 11.5, kCellPadding = 4;
constexpr double kHashSize = 8.5;
constexpr double kNoteSize = 9, kNoteLeading = 12;
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
  PageIntro intro;
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

double ContinuationTop() {
  return kHeight - kMargin;
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
  painter.DrawLine(kMargin, top - row.height, kWidth - kMargin, top - row.height);
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
    if (y - layout.rows[i].height < kTableBottom && !layout.pages.back().empty()) {
      layout.pages.emplace_back();
      y = ContinuationTop() - layout.header.height;
    }
    layout.pages.back().push_back(i);
    y -= layout.rows[i].height;
  }
  layout.note_on_own_page = y - NoteHeight(layout) < kTableBottom;
}

Layout Measure(const DepositReceipt& receipt, const Fonts& fonts) {
  Layout layout;
  layout.intro = {
      messages::ReceiptTitle(), WrapFrench(receipt.formation, fonts.bold, kHeadingSize, kBodyWidth),
      InfoLines(receipt, fonts.regular), messages::ReceiptPiecesHeading(receipt.pieces.size())};
  layout.header = HeaderRow(fonts);
  for (const ReceiptPiece& piece : receipt.pieces) layout.rows.push_back(PieceRow(piece, fonts));
  layout.note =
      WrapFrench(messages::ReceiptFingerprintNote(), fonts.regular, kNoteSize, kBodyWidth);
  Paginate(layout, PaintPageIntro(nullptr, fonts.regular, fonts.bold, layout.intro));
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

void Paint(PdfMemDocument& doc, const DepositReceipt& receipt) {
  Fonts fonts{Base14Font(doc, "Helvetica"), Base14Font(doc, "Helvetica-Bold"),
              Base14Font(doc, "Courier")};
  Layout layout = Measure(receipt, fonts);
  std::size_t pages = layout.pages.size() + (layout.note_on_own_page ? 1 : 0);
  for (std::size_t p = 0; p < pages; ++p) {
    PdfPainter painter;
    painter.SetPage(doc.CreatePage(PdfRect(0, 0, kWidth, kHeight)));
    double top = p == 0 ? PaintPageIntro(&painter, fonts.regular, fonts.bold, layout.intro)
                        : ContinuationTop();
    if (p < layout.pages.size()) {
      PaintRow(painter, fonts, fonts.bold, layout.header, top, true);
      top -= layout.header.height;
      for (std::size_t index : layout.pages[p]) {
        PaintRow(painter, fonts, fonts.regular, layout.rows[index], top, false);
        top -= layout.rows[index].height;
      }
    }
    if (p + 1 == pages) PaintNote(painter, fonts, layout, top);
    PaintPageFooter(painter, fonts.regular,
                    messages::ReceiptFooter(receipt.candidature_id, p + 1, pages));
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
