#pragma once

#include <cstdint>
#include <string>

#include "processors/core/HardLimits.h"

namespace dossier {

// The lowest resolution a page is read at (the OCR floor, the downsampling
// floor): a page too large to render at it is not a document.
constexpr double kReadingDpi = 150;

// Pixels of a `width` × `height` point page rendered at `dpi`.
double RenderPixels(double width, double height, double dpi);

// Throws Refusal (`limits`) when a `width` × `height` point page, rendered
// at kReadingDpi, would be over `limits.max_page_pixels`. `name` and `page`
// (1-based) are for the message.
void CheckPageArea(double width, double height, const std::string& name, int page,
                   const HardLimits& limits);

// `dpi`, lowered when needed so that the page's render stays within
// `limits.max_render_pixels`.
double RenderableDpi(double width, double height, double dpi, const HardLimits& limits);

}  // namespace dossier
