#include "processors/ine/IneReader.h"

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>
#include <vips/vips8>

#include "processors/ine/IneTokens.h"

namespace dossier {
namespace {

constexpr double kLocateDpi = 150;    // enough for layout and labels, a quarter of 300 dpi's pixels
constexpr int kMaxLinesPerPage = 80;  // a page of text; past it, stop looking
// A last reading of a line allowed only what an INE and its label are made
// of: serif letters then cannot turn into punctuation (J as ']' or ')', 7 as
// '/').
constexpr const char* kIneCharacters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 :°";

// One way of reading a line at full resolution.
struct Reading {
  double line_height;  // px: 36 puts characters at 20–30 px
  bool restricted;     // to kIneCharacters
};
constexpr Reading kReadings[] = {{36, false}, {24, false}, {48, false}, {36, true}};
constexpr double kMinOrientationConfidence = 2.0;
constexpr int kFaintestInk = 24;     // grey levels between paper and ink; fainter is unreadable
constexpr int kNoisyPaper = 4;       // paper spread (grey levels) past which layout needs a filter
constexpr int kProbeLines = 6;       // lines read before judging a page unreadable as it lies
constexpr float kReadableLine = 60;  // mean line confidence of a page a person reads

// Pixels owned by GLib, handed to Tesseract (which copies them).
struct GreyPixels {
  std::unique_ptr<void, decltype(&g_free)> data{nullptr, g_free};
  int width = 0, height = 0;
};

GreyPixels ToGrey(const vips::VImage& image) {
  vips::VImage grey = image.bands() == 1 ? image : image.colourspace(VIPS_INTERPRETATION_B_W);
  if (grey.bands() > 1) grey = grey.extract_band(0);
  GreyPixels pixels;
  size_t size = 0;
  pixels.data.reset(grey.cast(VIPS_FORMAT_UCHAR).write_to_memory(&size));
  pixels.width = grey.width();
  pixels.height = grey.height();
  return pixels;
}

void SetImage(tesseract::TessBaseAPI& api, const GreyPixels& pixels, double dpi) {
  api.SetImage(static_cast<const unsigned char*>(pixels.data.get()), pixels.width, pixels.height, 1,
               pixels.width);
  api.SetSourceResolution(static_cast<int>(dpi + 0.5));
}

// Tesseract's thresholding crashes on a rectangle that is empty or leaves
// the image (seen with layout boxes of turned pages): clip, and drop slivers.
bool ClipToImage(TextLineBox& line, int width, int height) {
  line.left = std::max(0, line.left);
  line.top = std::max(0, line.top);
  line.right = std::min(width, line.right);
  line.bottom = std::min(height, line.bottom);
  return line.right - line.left >= 8 && line.bottom - line.top >= 6;
}

std::vector<TextLineBox> TextLines(tesseract::TessBaseAPI& api, int width, int height) {
  std::vector<TextLineBox> lines;
  api.SetPageSegMode(tesseract::PSM_AUTO);
  std::unique_ptr<tesseract::PageIterator> it(api.AnalyseLayout());
  if (!it) return lines;
  do {
    TextLineBox line;
    if (!it->BoundingBox(tesseract::RIL_TEXTLINE, &line.left, &line.top, &line.right, &line.bottom))
      continue;
    if (!ClipToImage(line, width, height)) continue;
    int x1, y1, x2, y2;
    if (it->Baseline(tesseract::RIL_TEXTLINE, &x1, &y1, &x2, &y2) && x2 != x1)
      line.angle = std::atan2(static_cast<double>(y2 - y1), static_cast<double>(x2 - x1));
    lines.push_back(line);
  } while (it->Next(tesseract::RIL_TEXTLINE) && lines.size() < kMaxLinesPerPage);
  // Reading order, not block order: a number set under its label may belong
  // to another layout block, listed much later.
  std::stable_sort(lines.begin(), lines.end(), [](const TextLineBox& a, const TextLineBox& b) {
    int tolerance = std::min(a.bottom - a.top, b.bottom - b.top) / 2;
    return a.top + tolerance < b.top || (std::abs(a.top - b.top) <= tolerance && a.left < b.left);
  });
  return lines;
}

// Recognises the current image (or rectangle) as one line of text.
OcrLine RecogniseLine(tesseract::TessBaseAPI& api) {
  OcrLine line;
  api.SetPageSegMode(tesseract::PSM_SINGLE_LINE);
  if (api.Recognize(nullptr) != 0) return line;
  std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  if (!it || it->Empty(tesseract::RIL_SYMBOL)) return line;
  line.confidence = it->Confidence(tesseract::RIL_TEXTLINE);
  do {
    std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_SYMBOL));
    if (!text) continue;
    line.symbols.push_back({text.get(), it->Confidence(tesseract::RIL_SYMBOL),
                            it->IsAtBeginningOf(tesseract::RIL_WORD)});
  } while (it->Next(tesseract::RIL_SYMBOL));
  return line;
}

// The lines of a page recognised whole (after Recognize), in Tesseract's
// reading order, each with its symbols.
std::vector<OcrLine> RecognisedLines(tesseract::TessBaseAPI& api) {
  std::vector<OcrLine> lines;
  std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  if (!it || it->Empty(tesseract::RIL_SYMBOL)) return lines;
  bool more = true;
  while (more && lines.size() < kMaxLinesPerPage) {
    OcrLine line;
    line.confidence = it->Confidence(tesseract::RIL_TEXTLINE);
    bool last_of_line = false;
    do {
      std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_SYMBOL));
      if (text)
        line.symbols.push_back({text.get(), it->Confidence(tesseract::RIL_SYMBOL),
                                it->IsAtBeginningOf(tesseract::RIL_WORD)});
      last_of_line = it->IsAtFinalElement(tesseract::RIL_TEXTLINE, tesseract::RIL_SYMBOL);
      more = it->Next(tesseract::RIL_SYMBOL);
    } while (more && !last_of_line);
    lines.push_back(std::move(line));
  }
  return lines;
}

// What a page's grey levels say before any OCR, measured on a half-size copy
// whose box filter averages some sensor noise away.
struct PageTone {
  int ink_contrast = 0;  // paper (median) minus darkest ink (0.5th percentile)
  int paper_noise = 0;   // median minus 25th percentile: about 0.67 sigma of the paper
};

// A photocopy faded to nothing has almost no ink contrast; a noisy scan has
// a wide paper. Tesseract's layout analysis spends seconds on either.
PageTone MeasureTone(const vips::VImage& page) {
  vips::VImage cumulative = page.shrink(2, 2).cast(VIPS_FORMAT_UCHAR).hist_find().hist_cum();
  double total = cumulative(255, 0)[0];
  int ink = 0, quarter = 0, paper = 0;
  for (int level = 0; level < 256; ++level) {
    double below = cumulative(level, 0)[0] / total;
    if (below < 0.005) ink = level + 1;
    if (below < 0.25) quarter = level + 1;
    if (below < 0.5) paper = level + 1;
  }
  return {paper - ink, paper - quarter};
}

int DigitCount(const std::string& text) {
  return static_cast<int>(
      std::count_if(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }));
}

bool Better(const std::optional<IneLineRead>& a, const std::optional<IneLineRead>& b) {
  if (!b) return a.has_value();
  if (!a) return false;
  if (a->value.empty() != b->value.empty()) return !a->value.empty();
  return a->min_confidence > b->min_confidence;
}

// A reading away from the label's own line (under it, or with no label in
// sight) is kept only when it cannot be the candidate number, a date, a
// phone or a file number, nor a lucky look-alike reading (TrustedWhere).
std::optional<IneLineRead> Kept(std::optional<IneLineRead> read, LabelNearby label) {
  if (read && !TrustedWhere(*read, label)) return std::nullopt;
  return read;
}

vips::VImage Rotated(const vips::VImage& image, int degrees) {
  switch (degrees) {
    case 90:
      return image.rot(VIPS_ANGLE_D90);
    case 180:
      return image.rot(VIPS_ANGLE_D180);
    case 270:
      return image.rot(VIPS_ANGLE_D270);
    default:
      return image;
  }
}

}  // namespace

struct IneReader::Location {
  bool anchor = false;
  bool found = false;
  TextLineBox line;                        // in the 150-dpi copy
  std::optional<IneLineRead> read;         // what the 150-dpi pass read there
  LabelNearby label = LabelNearby::kNone;  // where that line stands from the label
  // A label without its number: the label's line and the lines after it,
  // to be read again at full resolution, where the number may show.
  std::vector<TextLineBox> around_label;
  // Lines rich in digits that read as nothing at 150 dpi: a label and a
  // number both garbled there may still read at full resolution.
  std::vector<TextLineBox> digit_lines;
  int lines_read = 0;
  float mean_confidence = 0;  // over the lines read
  // A page of text gives several lines; one readable speck does not make a
  // legible page.
  bool legible() const { return lines_read >= 3 && mean_confidence >= kReadableLine; }
};

IneReader::IneReader() : text_(std::make_unique<tesseract::TessBaseAPI>()) {
  // One OpenMP thread per reader comes from OMP_THREAD_LIMIT=1, set before
  // libgomp loads (see OpenMpThreadLimit.h): Tesseract's LSTM loops ask for
  // their own thread counts, which omp_set_num_threads does not cap.
  text_->SetVariable("debug_file", "/dev/null");
  setMsgSeverity(L_SEVERITY_NONE);  // Leptonica's clipping notes are not our log's business
  if (text_->Init(nullptr, "fra", tesseract::OEM_LSTM_ONLY) != 0)
    throw std::runtime_error("Tesseract: the French model (tesseract-ocr-fra) cannot be loaded");
}

IneReader::~IneReader() {
  if (orientation_) orientation_->End();
  text_->End();
}

IneReader::Location IneReader::Locate(const vips::VImage& small, double small_dpi,
                                      const std::string& declared, bool noisy) {
  constexpr int kLinesAfterLabel = 3;  // a number may sit under or beside its label
  Location where;
  // Layout analysis of a noisy page on a median-filtered copy: its specks
  // cost seconds (10 s on a noisy 100-dpi scan, 0.5 s filtered). The filter
  // costs 60 ms, so clean pages go without; lines are read unfiltered.
  GreyPixels quiet = ToGrey(noisy ? small.median(3) : small);
  SetImage(*text_, quiet, small_dpi);
  std::vector<TextLineBox> boxes = TextLines(*text_, quiet.width, quiet.height);
  GreyPixels pixels = ToGrey(small);
  SetImage(*text_, pixels, small_dpi);
  int since_label = -1;
  float confidence_sum = 0;
  for (const TextLineBox& box : boxes) {
    text_->SetRectangle(box.left, box.top, box.right - box.left, box.bottom - box.top);
    OcrLine line = RecogniseLine(*text_);
    ++where.lines_read;
    confidence_sum += line.confidence;
    where.mean_confidence = confidence_sum / static_cast<float>(where.lines_read);
    // Upside down, sideways or too degraded: no use reading the rest as it lies.
    if (!where.found && where.lines_read == kProbeLines && !where.legible()) break;
    if (since_label >= 0) ++since_label;
    bool anchor = HasIneAnchor(line.Text());
    // Under a label, the lines that follow hold other numbers too (the
    // candidate's): only the label's own line is spared the guard.
    std::optional<IneLineRead> seen = ReadIneOnLine(line, declared);
    LabelNearby nearby = anchor             ? LabelNearby::kOnTheLine
                         : since_label >= 0 ? LabelNearby::kAbove
                                            : LabelNearby::kNone;
    std::optional<IneLineRead> read = Kept(seen, nearby);
    bool valid_number = read && !read->value.empty();
    if (anchor || since_label >= 0) where.around_label.push_back(box);
    // A number alone in a wide gap (a table's cell, an INE beside a name)
    // garbles its whole line at 150 dpi: such a line, with a few digits
    // and little confidence, is worth a closer look too.
    int digits = DigitCount(line.Text());
    bool garbled_number = digits >= 3 && line.confidence < kReadableLine;
    bool unsettled = seen && !read;  // an INE's shape, but not (yet) one to trust
    if (!anchor && !read && (digits >= 8 || garbled_number || unsettled) &&
        where.digit_lines.size() < 3)
      where.digit_lines.push_back(box);
    if (anchor || valid_number) {
      where.found = true;
      if (anchor && !where.anchor) since_label = 0;
      where.anchor = where.anchor || anchor;
      if (!where.read || Better(read, where.read)) {
        where.read = read;
        where.line = box;
        where.label = nearby;
      }
      if (valid_number) break;
    }
    if (since_label >= kLinesAfterLabel) break;
  }
  return where;
}

std::optional<IneLineRead> IneReader::ReadLineAtFullResolution(const vips::VImage& page,
                                                               double scale, const TextLineBox& box,
                                                               const std::string& declared,
                                                               double line_height,
                                                               bool restricted) {
  double width = (box.right - box.left) * scale;
  double box_height = (box.bottom - box.top) * scale;
  double slope = std::fabs(std::sin(box.angle));
  // A tilted line's box is taller than its text: the text itself, levelled,
  // is about the box height less the rise across the line.
  double text_height = std::max(box_height - slope * width, box_height * 0.4);
  double pad_y = box_height * 0.35;
  double pad_x = text_height * 0.5;
  double centre_x = (box.left + box.right) * scale / 2,
         centre_y = (box.top + box.bottom) * scale / 2;
  int left = std::max(0, static_cast<int>(centre_x - width / 2 - pad_x));
  int top = std::max(0, static_cast<int>(centre_y - box_height / 2 - pad_y));
  int right = std::min(page.width(), static_cast<int>(centre_x + width / 2 + pad_x));
  int bottom = std::min(page.height(), static_cast<int>(centre_y + box_height / 2 + pad_y));
  if (right - left < 8 || bottom - top < 8) return std::nullopt;
  vips::VImage crop = page.extract_area(left, top, right - left, bottom - top);
  if (std::fabs(box.angle) > 0.005) {  // ~0.3°: level the line, then keep only its band
    crop = crop.similarity(vips::VImage::option()
                               ->set("angle", -box.angle * 180 / M_PI)
                               ->set("background", std::vector<double>{255}));
    // Pieces of the lines above and below would be read as part of this one.
    int band = std::min(crop.height(), static_cast<int>(text_height * 1.6 + 0.5));
    double line_y = (centre_y - top) * crop.height() / static_cast<double>(bottom - top);
    int band_top = std::clamp(static_cast<int>(line_y - band / 2.0), 0, crop.height() - band);
    crop = crop.extract_area(0, band_top, crop.width(), band);
  }
  double zoom = line_height / std::max(1.0, text_height * 1.3);
  if (zoom < 0.9 || zoom > 1.1) crop = crop.resize(zoom);
  GreyPixels pixels = ToGrey(crop);
  SetImage(*text_, pixels, 300);
  if (restricted) text_->SetVariable("tessedit_char_whitelist", kIneCharacters);
  OcrLine line = RecogniseLine(*text_);
  if (restricted) text_->SetVariable("tessedit_char_whitelist", "");
  return ReadIneOnLine(line, declared);
}

std::optional<IneLineRead> IneReader::ReadLines(const vips::VImage& page, double scale,
                                                const std::vector<TextLineBox>& lines,
                                                const std::string& declared, std::size_t ways,
                                                LabelNearby first, LabelNearby rest) {
  std::optional<IneLineRead> best;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const TextLineBox& line = lines[k];
    // Tesseract's LSTM has sizes it reads best, and they vary with the font:
    // a line that does not validate at one size gets more opinions (seen:
    // « MFW » read « MEW » at 36 px, right at 24 px).
    for (std::size_t i = 0; i < ways && i < std::size(kReadings); ++i) {
      std::optional<IneLineRead> read =
          Kept(ReadLineAtFullResolution(page, scale, line, declared, kReadings[i].line_height,
                                        kReadings[i].restricted),
               k == 0 ? first : rest);
      if (read && !read->value.empty()) return read;
      if (Better(read, best)) best = read;
    }
  }
  return best;
}

std::optional<IneLineRead> IneReader::ReadDigitLines(const vips::VImage& page, double scale,
                                                     const Location& where,
                                                     const std::string& declared) {
  std::optional<IneLineRead> full =
      ReadLines(page, scale, where.digit_lines, declared, std::size(kReadings), LabelNearby::kNone,
                LabelNearby::kNone);
  if (full && !full->value.empty()) return full;
  return std::nullopt;
}

std::optional<IneLineRead> IneReader::ReadWholePage(const vips::VImage& page, double dpi,
                                                    const std::string& declared, bool& anchor) {
  constexpr int kLinesAfterLabel = 3;
  // A phone photo's sheet lies tilted by a few degrees: the layout boxes of
  // its lines cut through the line above or below, and a number set far
  // from its name may fall outside them. Tesseract's own page reading
  // follows each line's baseline (about 1 s for a photo at 183 dpi).
  GreyPixels pixels = ToGrey(page);
  SetImage(*text_, pixels, dpi);
  text_->SetPageSegMode(tesseract::PSM_AUTO);
  if (text_->Recognize(nullptr) != 0) return std::nullopt;
  std::optional<IneLineRead> best;
  int since_label = -1;
  for (const OcrLine& line : RecognisedLines(*text_)) {
    if (since_label >= 0) ++since_label;
    bool label = HasIneAnchor(line.Text());
    if (label) since_label = 0;
    anchor = anchor || label;
    LabelNearby nearby = label ? LabelNearby::kOnTheLine
                         : since_label > 0 && since_label <= kLinesAfterLabel ? LabelNearby::kAbove
                                                                              : LabelNearby::kNone;
    std::optional<IneLineRead> read = Kept(ReadIneOnLine(line, declared), nearby);
    if (read && !read->value.empty()) return read;
    if (nearby != LabelNearby::kNone && Better(read, best)) best = read;
  }
  return best;
}

int IneReader::DetectRotation(const vips::VImage& small, double small_dpi) {
  if (!orientation_) {
    orientation_ = std::make_unique<tesseract::TessBaseAPI>();
    orientation_->SetVariable("debug_file", "/dev/null");
    if (orientation_->Init(nullptr, "osd") != 0) return 0;
    orientation_->SetPageSegMode(tesseract::PSM_OSD_ONLY);
  }
  GreyPixels pixels = ToGrey(small);
  SetImage(*orientation_, pixels, small_dpi);
  int degrees = 0;
  float confidence = 0;
  const char* script = nullptr;
  float script_confidence = 0;
  if (!orientation_->DetectOrientationScript(&degrees, &confidence, &script, &script_confidence))
    return 0;
  if (confidence < kMinOrientationConfidence) return 0;
  return (360 - degrees) % 360;  // Tesseract says how the text is turned; undo it
}

IneOcrResult IneReader::ReadPage(const vips::VImage& page, double dpi,
                                 const std::string& declared) {
  IneOcrResult result;
  double scale = dpi > kLocateDpi * 1.15 ? dpi / kLocateDpi : 1.0;
  vips::VImage upright = page;
  vips::VImage small = scale > 1 ? page.resize(1 / scale) : page;
  double small_dpi = dpi / scale;
  small = small.copy_memory();  // read by several passes below
  PageTone tone = MeasureTone(small);
  if (tone.ink_contrast < kFaintestInk) return result;  // legible_page stays false
  bool noisy = tone.paper_noise >= kNoisyPaper;
  Location where = Locate(small, small_dpi, declared, noisy);
  result.lines_read = where.lines_read;
  result.legible_page = where.legible();
  double where_scale = scale;  // full-resolution pixels per pixel of `where`
  if (!where.found && scale > 1) {
    // Small print the 150-dpi copy blurs away: look again with every pixel.
    Location full = Locate(page, dpi, declared, noisy);
    result.lines_read += full.lines_read;
    result.legible_page = result.legible_page || full.legible();
    if (full.found) {
      where = full;
      where_scale = 1;
    }
  }
  if (!where.found && where.legible()) {
    result.read = ReadDigitLines(upright, where_scale, where, declared);
    if (result.read) return result;
  }
  if (!where.found) {
    // Upside-down text can look legible line by line; orientation detection
    // is the judge (and costs nothing on pages where the INE was found).
    int rotation = DetectRotation(small, small_dpi);
    if (rotation == 0) {
      if (result.legible_page) result.read = ReadWholePage(upright, dpi, declared, result.anchor);
      return result;
    }
    upright = Rotated(page, rotation);
    small = Rotated(small, rotation);
    where = Locate(small, small_dpi, declared, noisy);
    result.rotation = rotation;
    result.lines_read += where.lines_read;
    result.legible_page = where.legible();
    if (!where.found) {
      if (where.legible()) result.read = ReadDigitLines(upright, scale, where, declared);
      // Turned upright, a page is read whole as an upright one is: a number
      // with no label nearby may fall outside every layout box.
      if (!result.read && where.legible())
        result.read = ReadWholePage(upright, dpi, declared, result.anchor);
      return result;
    }
  }
  result.anchor = where.anchor;
  result.read = where.read;
  std::vector<TextLineBox> lines{where.line};
  LabelNearby first = where.label;
  if (!where.read || where.read->value.empty()) {
    lines = where.around_label;  // the label's line first
    first = LabelNearby::kOnTheLine;
  }
  // A number the coarse pass already read as valid needs one confirming
  // reading; a line it could not read gets every way of reading. The 150-dpi
  // pass only locates: a valid full-resolution reading wins even when
  // Tesseract was surer of its coarse one.
  bool coarse_valid = where.read && !where.read->value.empty();
  std::optional<IneLineRead> full =
      ReadLines(upright, where_scale, lines, declared, coarse_valid ? 1 : std::size(kReadings),
                first, LabelNearby::kAbove);
  if ((full && !full->value.empty()) || Better(full, result.read)) result.read = full;
  return result;
}

}  // namespace dossier
