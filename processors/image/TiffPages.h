#pragma once

#include <string>

#include "processors/core/HardLimits.h"

namespace dossier {

// The pages of a TIFF (its chain of directories), counted from the bytes
// without libtiff, before anything decodes them: a file of a few KB may
// declare a 60000×60000 page or a hundred thousand pages.
// Throws Refusal (limits) past HardLimits::max_pages_per_file pages or when
// a page declares more than HardLimits::max_image_pixels, Refusal (corrupt)
// when the chain leaves the file, loops, or a page has no size.
int CountTiffPages(const std::string& bytes, const std::string& name, const HardLimits& limits);

// Whether page `page` (0-based) of a TIFF whose pages were counted holds one
// bit per pixel: a black-and-white scan, read at the bilevel resolution as a
// 1-bit PNG is (libvips 8.14 does not say it for a TIFF).
bool IsBilevelTiffPage(const std::string& bytes, int page);

}  // namespace dossier
