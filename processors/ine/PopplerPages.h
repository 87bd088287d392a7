#pragma once

#include <memory>
#include <string>
#include <vips/vips8>

#include "processors/core/HardLimits.h"

namespace poppler {
class document;
}

namespace dossier {

// A PDF as a reader shows it (poppler): its text layer and its pages as
// images. Used on our own output, after the pipeline has rebuilt it.
class PopplerPages {
 public:
  // Throws std::runtime_error when poppler cannot open the bytes.
  explicit PopplerPages(const std::string& pdf, const HardLimits& limits = HardLimits{});
  ~PopplerPages();
  PopplerPages(const PopplerPages&) = delete;
  PopplerPages& operator=(const PopplerPages&) = delete;

  int count() const;
  // The page's text layer, UTF-8 ("" for a scan).
  std::string Text(int page) const;
  // `dpi`, lowered when needed so that the page's render stays within
  // `limits.max_render_pixels`.
  double RenderableDpi(int page, double dpi) const;
  // The page rendered in 8-bit grey at `dpi`, upright. Throws Refusal
  // (`limits`) for a page larger than `limits.max_page_pixels` at 150 dpi or
  // a render over `limits.max_render_pixels` (ask RenderableDpi first).
  vips::VImage Render(int page, double dpi) const;

 private:
  HardLimits limits_;
  std::string bytes_;  // poppler reads from this buffer for the document's life
  std::unique_ptr<poppler::document> document_;
};

}  // namespace dossier
