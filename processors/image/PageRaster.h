#pragma once

#include <string>
#include <vips/vips8>

#include "core/report/ImageTarget.h"
#include "core/sniff/FileKind.h"
#include "processors/image/ImageHeader.h"

namespace dossier {

// Pixels ready to go on a PDF page: 8-bit, grey or sRGB, no alpha, still in
// the file's stored orientation.
struct PageRaster {
  vips::VImage image;
  double dpi = 0;  // as placed on the page
};

// Decodes an uploaded image (page `page` of a TIFF) at no more than the
// target resolution. JPEGs decode at a reduced scale (shrink-on-load), so a
// 12-megapixel photo costs a quarter of its pixels; a resize follows only
// when no scale lands between the floor and the target. Throws vips::VError
// when the pixels are damaged or their size is not the header's.
PageRaster DecodeForPage(const std::string& bytes, FileKind kind, const ImageHeader& header,
                         double placed_dpi, const ImageTarget& target, int page = 0);

// Same, for an image already held as vips pixels (an image inside a PDF).
PageRaster ResizeForPage(vips::VImage image, double dpi, int target_dpi);

// 8-bit grey or sRGB without alpha, as a PDF image wants.
vips::VImage ToPdfPixels(vips::VImage image);

// The resolution an image is brought down to under `target`.
int TargetDpiFor(const ImageHeader& header, const ImageTarget& target);

}  // namespace dossier
