#include "processors/ine/PopplerPages.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <stdexcept>

#include "core/messages/PdfMessages.h"
#include "core/report/Refusal.h"
#include "processors/pdf/PageArea.h"

namespace dossier {
namespace {

// What poppler will draw: the crop box, in points.
poppler::rectf DrawnBox(const poppler::page& page) {
  return page.page_rect(poppler::crop_box);
}

}  // namespace

PopplerPages::PopplerPages(const std::string& pdf, const HardLimits& limits)
    : limits_(limits), bytes_(pdf) {
  document_.reset(
      poppler::document::load_from_raw_data(bytes_.data(), static_cast<int>(bytes_.size())));
  if (!document_ || document_->is_locked()) throw std::runtime_error("poppler cannot open the PDF");
}

PopplerPages::~PopplerPages() = default;

int PopplerPages::count() const {
  return document_->pages();
}

std::string PopplerPages::Text(int page) const {
  std::unique_ptr<poppler::page> p(document_->create_page(page));
  if (!p) return {};
  poppler::byte_array utf8 = p->text().to_utf8();
  return std::string(utf8.begin(), utf8.end());
}

double PopplerPages::RenderableDpi(int page, double dpi) const {
  std::unique_ptr<poppler::page> p(document_->create_page(page));
  if (!p) return dpi;
  poppler::rectf box = DrawnBox(*p);
  return dossier::RenderableDpi(box.width(), box.height(), dpi, limits_);
}

vips::VImage PopplerPages::Render(int page, double dpi) const {
  std::unique_ptr<poppler::page> p(document_->create_page(page));
  if (!p) throw std::runtime_error("no page " + std::to_string(page));
  poppler::rectf box = DrawnBox(*p);
  CheckPageArea(box.width(), box.height(), "pièce", page + 1, limits_);
  double pixels = RenderPixels(box.width(), box.height(), dpi);
  if (!(pixels <= static_cast<double>(limits_.max_render_pixels)))
    throw Refusal(RefusalReason::Limits,
                  GiantPageMessage("pièce", page + 1, box.width(), box.height()),
                  "page " + std::to_string(page + 1) + " at " + std::to_string(dpi) +
                      " dpi: " + std::to_string(pixels / 1e6) + " Mpx > max_render_pixels " +
                      std::to_string(limits_.max_render_pixels));
  poppler::page_renderer renderer;
  renderer.set_render_hints(poppler::page_renderer::antialiasing |
                            poppler::page_renderer::text_antialiasing);
  renderer.set_image_format(poppler::image::format_gray8);
  poppler::image image = renderer.render_page(p.get(), dpi, dpi);
  if (!image.is_valid())
    throw std::runtime_error("poppler cannot render page " + std::to_string(page));
  // Rows may be padded: wrap the whole stride, cut to the width, and copy
  // out before poppler's image goes away.
  vips::VImage rows =
      vips::VImage::new_from_memory(const_cast<char*>(image.const_data()),
                                    static_cast<size_t>(image.bytes_per_row()) * image.height(),
                                    image.bytes_per_row(), image.height(), 1, VIPS_FORMAT_UCHAR);
  return rows.extract_area(0, 0, image.width(), image.height()).copy_memory();
}

}  // namespace dossier
