#pragma once

#include <cstdint>

namespace dossier {

// Bounds on everything a hostile file controls. Far above what a real pièce
// needs (a 600-dpi A3 scan is 70 Mpx), low enough that one file cannot take
// the machine down. Crossing one refuses the pièce with reason `limits`.
struct HardLimits {
  std::uint64_t max_input_bytes = 256ull << 20;   // per file
  // Per image, decoded or only declared (an XObject's or an inline image's
  // /Width × /Height): a renderer decodes every row it is told of.
  std::uint64_t max_image_pixels = 150'000'000;
  int max_pages_per_file = 2000;
  std::uint64_t max_pdf_objects = 2'000'000;

  // What drawing a PDF asks of a renderer, counted before anything renders
  // it (DrawingBudget), every form XObject once per time it is drawn. Real
  // documents stay far below: over qpdf's corpus of 579 real-world and
  // damaged PDFs the busiest page has 10 000 operators and the largest file
  // 23 000 and 2 Mo of content, forms nest 2 deep and are drawn 240 times at
  // most; a 400-page born-digital thesis has 54 000 operators, a 600-dpi
  // scan 4 per page. A dense plot or map may reach a few hundred thousand
  // per page. At the limits poppler still draws a page in seconds.
  std::uint64_t max_page_operators = 4'000'000;
  std::uint64_t max_document_operators = 40'000'000;
  int max_form_depth = 12;
  std::uint64_t max_form_draws = 1'000'000;  // per document
  // Image pixels a page draws, each image once per draw: a renderer decodes
  // an image every time it is drawn. 600 Mpx is eight 600-dpi A3 scans.
  std::uint64_t max_page_image_pixels = 600'000'000;
  // Decoded content-stream bytes, per document, each form once per draw.
  std::uint64_t max_content_bytes = 500'000'000;

  // A page's area as read at 150 dpi (the lowest resolution a page is read
  // at): the largest page the PDF format allows, 200 × 200 in, is 900 Mpx
  // there; an A0 poster 35 Mpx. Beyond it the page is not a document.
  std::uint64_t max_page_pixels = 1'000'000'000;
  // One render (OCR page, thumbnail): 100 Mpx of grey, 400 MB in poppler's
  // RGBA buffer. An A1 poster at 300 dpi (70 Mpx) fits; larger pages are
  // rendered at a lower resolution.
  std::uint64_t max_render_pixels = 100'000'000;
};

}  // namespace dossier
