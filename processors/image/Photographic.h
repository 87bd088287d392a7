#pragma once

#include <vips/vips8>

namespace dossier {

// True for photos and noisy scans, false for drawings, screenshots and clean
// renders. Decides whether a PNG may stay lossless (drawings compress well
// with Flate) or is better as JPEG (photos grow tenfold under Flate).
bool LooksPhotographic(const vips::VImage& image);

}  // namespace dossier
