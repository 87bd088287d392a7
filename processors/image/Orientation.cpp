#include "processors/image/Orientation.h"

namespace dossier {

// Derivation: with u the stored column and v the stored row counted from the
// bottom (PDF image space), each EXIF case maps (u, v) to the displayed box;
// X = a·u + c·v + e, Y = b·u + d·v + f.
PdfMatrix OrientedPlacement(int orientation, double x, double y, double w, double h) {
  switch (orientation) {
    case 2: return {-w, 0, 0, h, x + w, y};       // mirrored horizontally
    case 3: return {-w, 0, 0, -h, x + w, y + h};  // rotated 180°
    case 4: return {w, 0, 0, -h, x, y + h};       // mirrored vertically
    case 5: return {0, -h, -w, 0, x + w, y + h};  // transposed
    case 6: return {0, -h, w, 0, x, y + h};       // to turn 90° clockwise
    case 7: return {0, h, w, 0, x, y};            // transversed
    case 8: return {0, h, -w, 0, x + w, y};       // to turn 90° counter-clockwise
    default: return {w, 0, 0, h, x, y};
  }
}

}  // namespace dossier
