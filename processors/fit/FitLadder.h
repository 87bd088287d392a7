#pragma once

#include <vector>

#include "core/report/ImageTarget.h"

namespace dossier {

// The rungs tried, in order, to bring a pièce under its byte limit: first
// the pièce as the policy renders it (fitting JPEGs kept as they are), then
// JPEG quality stepped down (75, 60), then resolution stepped down by 25 dpi
// to the floor (150 dpi, quality 60). Each rung loses a little more.
std::vector<ImageTarget> FitLadder(const ImageTarget& base);

}  // namespace dossier
