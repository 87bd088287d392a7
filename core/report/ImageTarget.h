#pragma once

namespace dossier {

// How images are rendered into the output: the resolution they are brought
// down to and the JPEG quality of re-encoded images. One rung of the
// fit-to-limit ladder.
struct ImageTarget {
  int dpi = 200;          // colour and grey images
  int bilevel_dpi = 300;  // black-and-white scans keep more resolution
  int floor_dpi = 150;    // never decode below this when shrinking on load
  int jpeg_quality = 85;
  bool keep_fitting_jpeg = true;  // embed a JPEG unchanged when within dpi
  bool allow_lossless = true;     // PNG drawings stay lossless
};

}  // namespace dossier
