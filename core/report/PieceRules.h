#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/report/ImageTarget.h"

namespace dossier {

// What the establishment asks of one pièce type: the limits a candidate is
// told about. Defaults are eCandidat's (2 Mo, PDF/JPEG/PNG) and the photo
// and scan formats the workers turn into pages (HEIC, AVIF, WebP, TIFF).
struct PieceRules {
  std::string code = "piece";
  std::string label = "Pièce justificative";
  std::uint64_t max_bytes = 2'000'000;
  int max_pages = 100;
  std::vector<std::string> formats = {"pdf", "jpeg", "png", "heic", "avif", "webp", "tiff"};
  ImageTarget image;
  bool check_ine = false;
  std::string declared_ine;

  bool Accepts(const std::string& format_code) const;
};

}  // namespace dossier
