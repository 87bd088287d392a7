#pragma once

namespace dossier {

// Where an image goes on its page, in PDF points (1/72 inch).
struct PagePlacement {
  double page_width = 0, page_height = 0;
  double x = 0, y = 0, width = 0, height = 0;  // the image box on the page
  double dpi = 0;                              // pixels per inch as placed
  bool physical = false;                       // page size came from the file
};

// Page for an image of `width`×`height` displayed pixels: its physical size
// when the file gives a believable resolution, else A4 in the image's
// orientation with the image fitted and centred.
PagePlacement PlaceOnPage(int width, int height, double resolution_dpi);

}  // namespace dossier
