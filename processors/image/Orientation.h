#pragma once

namespace dossier {

// A PDF transformation matrix [a b c d e f].
struct PdfMatrix {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
};

// The matrix that draws a stored image (PDF unit square) into the box
// (x, y, width, height) in page space, upright as EXIF `orientation` (1..8)
// says a viewer should show it. Rotating by matrix keeps the JPEG bytes
// unchanged instead of decoding and rotating pixels.
PdfMatrix OrientedPlacement(int orientation, double x, double y, double width, double height);

}  // namespace dossier
