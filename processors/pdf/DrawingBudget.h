#pragma once

#include <cstdint>

#include "core/input/InputFile.h"
#include "processors/core/HardLimits.h"

namespace dossier {

// What drawing a page, or a whole PDF, asks of a renderer: every form
// XObject counted once per time it is drawn, with what it draws in turn.
struct DrawingCost {
  std::uint64_t operators = 0;
  std::uint64_t form_draws = 0;
  std::uint64_t image_pixels = 0;   // declared pixels of every image drawn, per draw
  std::uint64_t content_bytes = 0;  // decoded content-stream bytes, per draw
  int form_depth = 0;               // deepest nesting of forms
};

struct DrawingMeasure {
  // false: qpdf could not open the file, or one of its pages; what could be
  // read was counted and found within the limits.
  bool measured = false;
  int pages = 0;
  DrawingCost document;      // every page
  DrawingCost busiest_page;  // the largest of each count over the pages
  std::uint64_t largest_image_pixels = 0;
  std::uint64_t inline_images = 0;
  std::uint64_t decoded_bytes = 0;  // what the pass itself decoded: each stream once
};

// Counts what every page of the PDF `file` asks of a renderer, before any
// renderer or decoder touches it, and throws Refusal (`limits`, French
// message naming the file and the page, context naming the object and the
// limit) as soon as a count is past `limits`: an image declared larger than
// max_image_pixels, a page larger than max_page_pixels at 150 dpi, too many
// operators, form draws, form nesting, image pixels drawn or decoded content
// bytes. Page contents, form XObjects, inline images and annotation
// appearances are counted.
// Linear in the file, not in what it expands to: each content stream is
// decoded once, streamed through a counter that stops the decode past the
// cap (a bomb is never inflated whole), and each form is measured once per
// set of resources it is drawn with. A file qpdf cannot open (damaged beyond
// repair, a password) or not all of whose pages it can read comes back not
// `measured`: the caller measures it again as the library that opens it
// reads it, or refuses it.
DrawingMeasure CheckDrawingBudget(const InputFile& file, const HardLimits& limits);

}  // namespace dossier
