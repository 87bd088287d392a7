#pragma once

#include <cstdint>

namespace dossier {

// Bounds on everything a hostile file controls. Far above what a real pièce
// needs (a 600-dpi A3 scan is 70 Mpx), low enough that one file cannot take
// the machine down. Crossing one refuses the pièce with reason `limits`.
struct HardLimits {
  std::uint64_t max_input_bytes = 256ull << 20;   // per file
  std::uint64_t max_image_pixels = 150'000'000;   // per decoded image
  int max_pages_per_file = 2000;
  std::uint64_t max_pdf_objects = 2'000'000;
};

}  // namespace dossier
