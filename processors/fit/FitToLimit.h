#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/report/ImageTarget.h"

namespace dossier {

struct FitResult {
  std::string pdf;       // the first output under the limit, else the smallest
  std::size_t rung = 0;  // index in the ladder of `pdf`
  int attempts = 0;
  bool fits = false;
};

// Renders the pièce at each rung of `ladder` until one comes out at or under
// `max_bytes`. Stops early when a rung gains nothing over the one before (a
// document with no images cannot shrink by re-encoding them). `render`
// builds the whole PDF for a rung;
FitResult FitToLimit(const std::function<std::string(const ImageTarget&)>& render,
                     std::uint64_t max_bytes, const std::vector<ImageTarget>& ladder);

}  // namespace dossier
