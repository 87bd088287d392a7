#include "processors/fit/FitLadder.h"

#include <algorithm>

namespace dossier {
namespace {

constexpr int kFloorQuality = 60;

ImageTarget Rung(const ImageTarget& base, int dpi, int quality) {
  ImageTarget rung = base;
  rung.dpi = dpi;
  rung.bilevel_dpi = std::min(base.bilevel_dpi, dpi * 3 / 2);
  rung.jpeg_quality = quality;
  rung.keep_fitting_jpeg = false;  // re-encode even JPEGs within the target
  rung.allow_lossless = false;
  return rung;
}

}  // namespace

std::vector<ImageTarget> FitLadder(const ImageTarget& base) {
  std::vector<ImageTarget> ladder{base};
  for (int quality : {75, kFloorQuality})
    if (quality < base.jpeg_quality) ladder.push_back(Rung(base, base.dpi, quality));
  if (ladder.size() == 1) ladder.push_back(Rung(base, base.dpi, std::min(base.jpeg_quality, kFloorQuality)));
  for (int dpi = base.dpi - 25; dpi > base.floor_dpi; dpi -= 25)
    ladder.push_back(Rung(base, dpi, kFloorQuality));
  if (base.dpi > base.floor_dpi) ladder.push_back(Rung(base, base.floor_dpi, kFloorQuality));
  return ladder;
}

}  // namespace dossier
