#pragma once

#include <string>
#include <vips/vips8>

namespace dossier {

// Baseline JPEG without metadata (a PDF reader ignores EXIF; orientation is
// carried by the page's matrix instead).
std::string EncodeJpeg(const vips::VImage& image, int quality);

}  // namespace dossier
