#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "processors/ine/IneOnLine.h"
#include "processors/ine/TextLineBox.h"

namespace tesseract {
class TessBaseAPI;
}
// Declared only: the reader's users need not see libvips.
namespace vips {
class VImage;
}

namespace dossier {

// What OCR found on one page.
struct IneOcrResult {
  bool anchor = false;              // an INE label (« N° INE », « BEA », …) was read
  std::optional<IneLineRead> read;  // the number, read again at full resolution
  int rotation = 0;                 // degrees the page was turned to read it
  int lines_read = 0;               // lines recognised to find it (cost)
  // The page's text reads with confidence: "no INE here" means absent, not
  // unreadable.
  bool legible_page = false;
};

// Reads the INE on a page image, reading only what it must: the page's text
// lines are found by layout analysis on a 150-dpi copy and recognised one at
// a time from the top until an INE label or number shows; that one line is
// then read again from the full-resolution image, deskewed and scaled to
// about 24-pixel characters, as a single line (PSM 7). A page with nothing
// upright is turned as Tesseract's orientation detection says and read once
// more.
//
// Owns its Tesseract engines (French LSTM model, and the orientation model
// on first need). Loading costs ~150 ms: create one per thread, once, and
// reuse it; it is not thread-safe.
class IneReader {
 public:
  IneReader();
  ~IneReader();
  IneReader(const IneReader&) = delete;
  IneReader& operator=(const IneReader&) = delete;

  // `page`: 8-bit grey, upright as a reader sees the page; `dpi` its
  // resolution; `declared` the candidate's INE when known (see ReadIneOnLine).
  IneOcrResult ReadPage(const vips::VImage& page, double dpi, const std::string& declared = "");

 private:
  struct Location;
  Location Locate(const vips::VImage& small, double small_dpi, const std::string& declared,
                  bool noisy);
  std::optional<IneLineRead> ReadLineAtFullResolution(const vips::VImage& page, double scale,
                                                      const TextLineBox& line,
                                                      const std::string& declared,
                                                      double line_height, bool restricted);
  // Reads `lines` at full resolution in the first `ways` ways of reading,
  // stopping at the first valid number; else the best reading. A reading is
  // kept only if TrustedWhere its line stands: `first` for the first line,
  // `rest` for the others.
  std::optional<IneLineRead> ReadLines(const vips::VImage& page, double scale,
                                       const std::vector<TextLineBox>& lines,
                                       const std::string& declared, std::size_t ways,
                                       LabelNearby first, LabelNearby rest);
  // The lines of a page with no label found that may hold an INE alone
  // (Location::digit_lines), read at full resolution: a valid reading
  // TrustedWithoutLabel, or nothing.
  std::optional<IneLineRead> ReadDigitLines(const vips::VImage& page, double scale,
                                            const Location& where, const std::string& declared);
  // The last resort on a legible page, upright or turned upright, where
  // nothing was found: Tesseract's own segmentation and recognition of the
  // whole page at full resolution. Sets `anchor` when a label shows.
  std::optional<IneLineRead> ReadWholePage(const vips::VImage& page, double dpi,
                                           const std::string& declared, bool& anchor);
  int DetectRotation(const vips::VImage& small, double small_dpi);

  std::unique_ptr<tesseract::TessBaseAPI> text_;
  std::unique_ptr<tesseract::TessBaseAPI> orientation_;  // loaded on first need
};

}  // namespace dossier
