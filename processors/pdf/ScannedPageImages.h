#pragma once

#include <podofo/podofo.h>

#include <vector>

#include "core/report/ImageStat.h"
#include "core/report/ImageTarget.h"
#include "processors/core/HardLimits.h"

namespace dossier {

// Brings the full-page images of scanned PDF pages down to the target
// resolution, replacing each image XObject in place (new pixels, DCTDecode).
// Text, vector content and images that do not cover the page are never
// touched. An image that cannot be decoded is left as it is: downsampling is
// an optimisation, not a check. `first_page` numbers the report rows.
std::vector<ImageStat> DownsampleScannedImages(PoDoFo::PdfMemDocument& doc,
                                               const ImageTarget& target, const HardLimits& limits,
                                               int first_page);

}  // namespace dossier
