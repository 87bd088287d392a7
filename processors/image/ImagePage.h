#pragma once

#include <podofo/podofo.h>

#include "core/input/InputFile.h"
#include "core/report/ImageStat.h"
#include "core/report/ImageTarget.h"
#include "core/sniff/FileKind.h"
#include "processors/core/HardLimits.h"

namespace dossier {

// Appends one page to `doc` showing an uploaded image upright (JPEG, PNG,
// HEIC, AVIF, WebP, or page `page` of a TIFF), sized from the image's
// physical resolution (A4 when unknown).
//  - A JPEG already within the target resolution is embedded byte for byte.
//  - Anything over it is decoded at a reduced scale and re-encoded.
//  - A PNG or TIFF drawing stays lossless; a photo becomes JPEG.
//  - EXIF orientation is applied by the page's matrix; a HEIF image comes
//    upright from libheif.
// Throws Refusal (corrupt, limits) for unreadable or absurd images.
ImageStat AddImagePage(PoDoFo::PdfMemDocument& doc, const InputFile& file, FileKind kind,
                       const ImageTarget& target, const HardLimits& limits, int page = 0);

}  // namespace dossier
