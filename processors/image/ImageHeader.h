#pragma once

#include <string>
#include <vips/vips8>

#include "core/sniff/FileKind.h"
#include "processors/core/HardLimits.h"

namespace dossier {

// What an image file says about itself, read from its header without
// decoding a pixel.
struct ImageHeader {
  int width = 0;  // stored pixels, before EXIF orientation
  int height = 0;
  int bands = 0;
  int orientation = 1;        // EXIF 1..8
  double resolution_dpi = 0;  // 0 when the file does not say, or says nonsense
  bool cmyk = false;
  bool has_alpha = false;
  bool sixteen_bit = false;
  bool bilevel = false;  // 1-bit PNG: a black-and-white scan

  // Displayed size, once EXIF orientation is applied.
  int oriented_width() const { return orientation >= 5 ? height : width; }
  int oriented_height() const { return orientation >= 5 ? width : height; }
};

// Reads the header of an image file (JPEG, PNG, HEIC, AVIF, WebP, TIFF), of
// its page `page` for a TIFF. Throws Refusal (corrupt) when the header is
// unreadable and Refusal (limits) past HardLimits::max_image_pixels. A HEIF
// image's header is already upright (orientation 1).
ImageHeader ReadImageHeader(const std::string& bytes, const std::string& name,
                            const HardLimits& limits, FileKind kind = FileKind::Unknown,
                            int page = 0);

// libvips load options that pick the page to read (a TIFF's `page`).
vips::VOption* LoadOptions(FileKind kind, int page);

}  // namespace dossier
