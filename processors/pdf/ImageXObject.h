#pragma once

#include <podofo/podofo.h>

#include <memory>
#include <string>
#include <vips/vips8>

namespace dossier {

// An image XObject whose stream is the JPEG bytes as given (DCTDecode): no
// decode, no re-encode, no generation loss.
std::unique_ptr<PoDoFo::PdfImage> JpegXObject(PoDoFo::PdfDocument& doc, const std::string& jpeg,
                                              int width, int height, int bands);

// An image XObject holding 8-bit grey or RGB pixels losslessly (Flate).
std::unique_ptr<PoDoFo::PdfImage> PixelXObject(PoDoFo::PdfDocument& doc,
                                               const vips::VImage& pixels);

}  // namespace dossier
