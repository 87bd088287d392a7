#pragma once

#include <memory>
#include <string>
#include <vips/vips8>

namespace poppler {
class document;
}

namespace dossier {

// A PDF as a reader shows it (poppler): its text layer and its pages as
// images. Used on our own output, after the pipeline has rebuilt it.
class PopplerPages {
 public:
  // Throws std::runtime_error when poppler cannot open the bytes.
  explicit PopplerPages(const std::string& pdf);
  ~PopplerPages();
  PopplerPages(const PopplerPages&) = delete;
  PopplerPages& operator=(const PopplerPages&) = delete;

  int count() const;
  // The page's text layer, UTF-8 ("" for a scan).
  std::string Text(int page) const;
  // The page rendered in 8-bit grey at `dpi`, upright.
  vips::VImage Render(int page, double dpi) const;

 private:
  std::string bytes_;  // poppler reads from this buffer for the document's life
  std::unique_ptr<poppler::document> document_;
};

}  // namespace dossier
