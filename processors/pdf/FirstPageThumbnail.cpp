#include "processors/pdf/FirstPageThumbnail.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <vector>
#include <vips/vips8>

#include "processors/image/JpegEncode.h"
#include "processors/pdf/PageArea.h"

namespace dossier {
namespace {

// A page taller than this many times its width is a strip, not a page: its
// height governs instead, so a hostile page cannot ask for a huge preview.
constexpr int kMaxAspect = 4;
// Rendered at twice the size, then reduced: text stays legible when small.
constexpr double kOversample = 2;
constexpr int kJpegQuality = 80;

struct PageSize {
  double width = 0, height = 0;  // points, as displayed (after /Rotate)
};

PageSize DisplayedSize(const poppler::page& page) {
  poppler::rectf box = page.page_rect();
  bool turned = page.orientation() == poppler::page::landscape ||
                page.orientation() == poppler::page::seascape;
  return turned ? PageSize{box.height(), box.width()} : PageSize{box.width(), box.height()};
}

// poppler's BGR rows (padded to a 4-byte stride) as a packed 8-bit sRGB image
// that owns its pixels.
vips::VImage PackedRgb(const poppler::image& image) {
  std::size_t row = static_cast<std::size_t>(image.width()) * 3;
  std::vector<unsigned char> pixels(row * static_cast<std::size_t>(image.height()));
  for (int y = 0; y < image.height(); ++y) {
    const char* from = image.const_data() + static_cast<std::size_t>(image.bytes_per_row()) * y;
    unsigned char* to = pixels.data() + row * static_cast<std::size_t>(y);
    for (std::size_t x = 0; x < row; x += 3) {
      to[x] = static_cast<unsigned char>(from[x + 2]);
      to[x + 1] = static_cast<unsigned char>(from[x + 1]);
      to[x + 2] = static_cast<unsigned char>(from[x]);
    }
  }
  vips::VImage rgb = vips::VImage::new_from_memory(pixels.data(), pixels.size(), image.width(),
                                                   image.height(), 3, VIPS_FORMAT_UCHAR);
  return rgb.copy(vips::VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB))
      .copy_memory();
}

// Page 1 in 8-bit RGB on white (poppler's paper colour), about
// kOversample × the box `width` × kMaxAspect·`width`.
vips::VImage RenderFirstPage(const std::string& pdf, int width, const HardLimits& limits) {
  std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
  if (!document || document->is_locked() || document->pages() < 1)
    throw std::runtime_error("poppler cannot open the PDF");
  std::unique_ptr<poppler::page> page(document->create_page(0));
  if (!page) throw std::runtime_error("poppler cannot read page 1");
  PageSize size = DisplayedSize(*page);
  if (!(size.width >= 1 && size.height >= 1)) throw std::runtime_error("page 1 has no area");
  CheckPageArea(size.width, size.height, "pièce", 1, limits);
  double scale = std::min(width / size.width, kMaxAspect * width / size.height);
  double dpi = RenderableDpi(size.width, size.height, 72 * kOversample * scale, limits);
  poppler::page_renderer renderer;
  renderer.set_render_hints(poppler::page_renderer::antialiasing |
                            poppler::page_renderer::text_antialiasing);
  renderer.set_image_format(poppler::image::format_bgr24);
  poppler::image image = renderer.render_page(page.get(), dpi, dpi);
  if (!image.is_valid() || image.format() != poppler::image::format_bgr24 ||
      image.bytes_per_row() < image.width() * 3)
    throw std::runtime_error("poppler cannot render page 1");
  return PackedRgb(image);
}

}  // namespace

std::string FirstPageThumbnailJpeg(const std::string& pdf, int width, const HardLimits& limits) {
  if (width < 1 || width > 4096)
    throw std::runtime_error("thumbnail width " + std::to_string(width) + " out of 1..4096");
  if (pdf.compare(0, 5, "%PDF-") != 0) throw std::runtime_error("thumbnail: not a PDF");
  try {
    vips::VImage page = RenderFirstPage(pdf, width, limits);
    vips::VImage small = page.thumbnail_image(
        width,
        vips::VImage::option()->set("height", width * kMaxAspect)->set("size", VIPS_SIZE_BOTH));
    return EncodeJpeg(small, kJpegQuality);
  } catch (const vips::VError& error) {
    throw std::runtime_error(std::string("thumbnail of page 1: ") + error.what());
  }
}

}  // namespace dossier
