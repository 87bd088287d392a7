#include "processors/ine/IneReader.h"

#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "processors/ine/IneTokens.h"

namespace dossier {
namespace {

constexpr double kLocateDpi = 150;      // enough for layout and labels, a quarter of 300 dpi's pixels
constexpr int kMaxLinesPerPage = 80;    // a page of text; past it, stop looking
constexpr double kReadLineHeight = 36;  // px: characters come out 20–30 px high
constexpr double kMinOrientationConfidence = 2.0;
constexpr int kFaintestInk = 24;        // grey levels between paper and ink; fainter is unreadable
constexpr int kProbeLines = 6;          // lines read before judging a page unreadable as it lies
constexpr float kReadableLine = 60;     // mean line confidence of a page a person reads

struct LineBox {
  int left = 0, top = 0, right = 0, bottom = 0;
  double angle = 0;  // baseline slope, radians
};

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
  api.SetImage(static_cast<const unsigned char*>(pixels.data.get()), pixels.width, pixels.height,
               1, pixels.width);
  api.SetSourceResolution(static_cast<int>(dpi + 0.5));
}

// Tesseract's thresholding crashes on a rectangle that is empty or leaves
// the image (seen with layout boxes of turned pages): clip, and drop slivers.
bool ClipToImage(LineBox& line, int width, int height) {
  line.left = std::max(0, line.left);
  line.top = std::max(0, line.top);
  line.right = std::min(width, line.right);
  line.bottom = std::min(height, line.bottom);
  return line.right - line.left >= 8 && line.bottom - line.top >= 6;
}

std::vector<LineBox> TextLines(tesseract::TessBaseAPI& api, int width, int height) {
  std::vector<LineBox> lines;
  api.SetPageSegMode(tesseract::PSM_AUTO);
  std::unique_ptr<tesseract::PageIterator> it(api.AnalyseLayout());
  if (!it) return lines;
  do {
    LineBox line;
    if (!it->BoundingBox(tesseract::RIL_TEXTLINE, &line.left, &line.top, &line.right, &line.bottom))
      continue;
    if (!ClipToImage(line, width, height)) continue;
    int x1, y1, x2, y2;
    if (it->Baseline(tesseract::RIL_TEXTLINE, &x1, &y1, &x2, &y2) && x2 != x1)
      line.angle = std::atan2(static_cast<double>(y2 - y1), static_cast<double>(x2 - x1));
    lines.push_back(line);
  } while (it->Next(tesseract::RIL_TEXTLINE) && lines.size() < kMaxLinesPerPage);
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

// Grey levels between the paper (median) and the darkest ink (0.5th
// percentile), measured on a half-size copy whose box filter averages sensor
// noise away. A photocopy faded to nothing has almost none; Tesseract's
// layout analysis would spend seconds on its noise for no result.
int InkContrast(const vips::VImage& page) {
  vips::VImage cumulative = page.shrink(2, 2).cast(VIPS_FORMAT_UCHAR).hist_find().hist_cum();
  double total = cumulative(255, 0)[0];
  int ink = 0, paper = 0;
  for (int level = 0; level < 256; ++level) {
    double below = cumulative(level, 0)[0] / total;
    if (below < 0.005) ink = level + 1;
    if (below < 0.5) paper = level + 1;
  }
  return paper - ink;
}

bool Better(const std::optional<IneLineRead>& a, const std::optional<IneLineRead>& b) {
  if (!b) return a.has_value();
  if (!a) return false;
  if (a->value.empty() != b->value.empty()) return !a->value.empty();
  return a->min_confidence > b->min_confidence;
}

vips::VImage Rotated(const vips::VImage& image, int degrees) {
  switch (degrees) {
    case 90: return image.rot(VIPS_ANGLE_D90);
    case 180: return image.rot(VIPS_ANGLE_D180);
    case 270: return image.rot(VIPS_ANGLE_D270);
    default: return image;
  }
}

}  // namespace

struct IneReader::Location {
  bool anchor = false;
  bool found = false;
  LineBox line;                        // in the 150-dpi copy
  std::optional<IneLineRead> read;     // what the 150-dpi pass read there
  int lines_read = 0;
  float mean_confidence = 0;           // over the lines read
  bool legible() const { return lines_read > 0 && mean_confidence >= kReadableLine; }
};

IneReader::IneReader() : text_(std::make_unique<tesseract::TessBaseAPI>()) {
  // One OpenMP thread per reader comes from OMP_THREAD_LIMIT=1, set before
  // libgomp loads (see OpenMpThreadLimit.h): Tesseract's LSTM loops ask for
  // their own thread counts, which omp_set_num_threads does not cap.
  text_->SetVariable("debug_file", "/dev/null");
  if (text_->Init(nullptr, "fra", tesseract::OEM_LSTM_ONLY) != 0)
    throw std::runtime_error("Tesseract: the French model (tesseract-ocr-fra) cannot be loaded");
}

IneReader::~IneReader() {
  if (orientation_) orientation_->End();
  text_->End();
}

IneReader::Location IneReader::Locate(const vips::VImage& small, double small_dpi) {
  constexpr int kLinesAfterLabel = 2;  // a number may sit under its label
  Location where;
  GreyPixels pixels = ToGrey(small);
  SetImage(*text_, pixels, small_dpi);
  int since_label = -1;
  float confidence_sum = 0;
  for (const LineBox& box : TextLines(*text_, pixels.width, pixels.height)) {
    text_->SetRectangle(box.left, box.top, box.right - box.left, box.bottom - box.top);
    OcrLine line = RecogniseLine(*text_);
    ++where.lines_read;
    confidence_sum += line.confidence;
    where.mean_confidence = confidence_sum / static_cast<float>(where.lines_read);
    // Upside down, sideways or too degraded: no use reading the rest as it lies.
    if (!where.found && where.lines_read == kProbeLines && !where.legible()) break;
    if (since_label >= 0) ++since_label;
    bool anchor = HasIneAnchor(line.Text());
    std::optional<IneLineRead> read = ReadIneOnLine(line);
    bool valid_number = read && !read->value.empty();
    if (anchor || valid_number) {
      where.found = true;
      if (anchor && !where.anchor) since_label = 0;
      where.anchor = where.anchor || anchor;
      if (!where.read || Better(read, where.read)) {
        where.read = read;
        where.line = box;
      }
      if (valid_number) break;
    }
    if (since_label >= kLinesAfterLabel) break;
  }
  return where;
}

std::optional<IneLineRead> IneReader::ReadLineAtFullResolution(const vips::VImage& page,
                                                               double scale,
                                                               const Location& where) {
  const LineBox& box = where.line;
  double height = (box.bottom - box.top) * scale;
  double pad_y = height * 0.35 + std::fabs(std::sin(box.angle)) * (box.right - box.left) * scale / 2;
  double pad_x = height * 0.5;
  int left = std::max(0, static_cast<int>(box.left * scale - pad_x));
  int top = std::max(0, static_cast<int>(box.top * scale - pad_y));
  int right = std::min(page.width(), static_cast<int>(box.right * scale + pad_x));
  int bottom = std::min(page.height(), static_cast<int>(box.bottom * scale + pad_y));
  if (right - left < 8 || bottom - top < 8) return std::nullopt;
  vips::VImage crop = page.extract_area(left, top, right - left, bottom - top);
  if (std::fabs(box.angle) > 0.005)  // ~0.3°: level the line before reading it
    crop = crop.similarity(vips::VImage::option()
                               ->set("angle", -box.angle * 180 / M_PI)
                               ->set("background", std::vector<double>{255}));
  double zoom = kReadLineHeight / std::max(1.0, height);
  if (zoom < 0.9 || zoom > 1.1) crop = crop.resize(zoom);
  GreyPixels pixels = ToGrey(crop);
  SetImage(*text_, pixels, 300);
  return ReadIneOnLine(RecogniseLine(*text_));
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

IneOcrResult IneReader::ReadPage(const vips::VImage& page, double dpi) {
  IneOcrResult result;
  double scale = dpi > kLocateDpi * 1.15 ? dpi / kLocateDpi : 1.0;
  vips::VImage upright = page;
  vips::VImage small = scale > 1 ? page.resize(1 / scale) : page;
  double small_dpi = dpi / scale;
  small = small.copy_memory();  // read by several passes below
  if (InkContrast(small) < kFaintestInk) return result;  // legible_page stays false
  Location where = Locate(small, small_dpi);
  result.lines_read = where.lines_read;
  result.legible_page = where.legible();
  double where_scale = scale;  // full-resolution pixels per pixel of `where`
  if (!where.found && scale > 1) {
    // Small print the 150-dpi copy blurs away: look again with every pixel.
    Location full = Locate(page, dpi);
    result.lines_read += full.lines_read;
    result.legible_page = result.legible_page || full.legible();
    if (full.found) {
      where = full;
      where_scale = 1;
    }
  }
  if (!where.found) {
    // Upside-down text can look legible line by line; orientation detection
    // is the judge (and costs nothing on pages where the INE was found).
    int rotation = DetectRotation(small, small_dpi);
    if (rotation == 0) return result;
    upright = Rotated(page, rotation);
    small = Rotated(small, rotation);
    where = Locate(small, small_dpi);
    result.rotation = rotation;
    result.lines_read += where.lines_read;
    result.legible_page = where.legible();
    if (!where.found) return result;
  }
  result.anchor = where.anchor;
  std::optional<IneLineRead> full = ReadLineAtFullResolution(upright, where_scale, where);
  result.read = Better(full, where.read) ? full : where.read;
  return result;
}

}  // namespace dossier
