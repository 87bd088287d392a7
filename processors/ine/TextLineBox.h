#pragma once

namespace dossier {

// Where Tesseract's layout analysis found a line of text, in pixels of the
// image it analysed, and how its baseline slopes.
struct TextLineBox {
  int left = 0, top = 0, right = 0, bottom = 0;
  double angle = 0;  // radians
};

}  // namespace dossier
