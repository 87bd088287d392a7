#pragma once

#include <string>

#include "processors/core/HardLimits.h"

namespace dossier {

// A preview of a processed pièce for the web pages: page 1 of `pdf`, `width`
// pixels wide, on white paper, as a baseline JPEG (quality 80, no metadata).
// A page more than four times as tall as it is wide is fitted into
// width × 4·width instead. Rendered by poppler (libvips's own PDF loader is
// a module the service keeps switched off, see VipsSession), reduced and
// encoded by libvips, which must be initialised. A PDF parser runs here: call
// it where untrusted documents may be parsed (a job child), never in the
// HTTP server. Throws std::runtime_error with what went wrong: Refusal
// (`limits`) for a page larger than `limits.max_page_pixels` at 150 dpi. The
// render is kept within `limits.max_render_pixels` (less oversampling).
std::string FirstPageThumbnailJpeg(const std::string& pdf, int width = 360,
                                   const HardLimits& limits = HardLimits{});

}  // namespace dossier
