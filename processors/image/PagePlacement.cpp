#include "processors/image/PagePlacement.h"

#include <algorithm>

namespace dossier {
namespace {

constexpr double kA4Short = 595.276;  // 210 mm
constexpr double kA4Long = 841.89;    // 297 mm
constexpr double kMaxSide = 1684.0;   // A2: beyond it, a "physical" size is nonsense

PagePlacement FitToA4(int width, int height) {
  PagePlacement p;
  bool landscape = width > height;
  p.page_width = landscape ? kA4Long : kA4Short;
  p.page_height = landscape ? kA4Short : kA4Long;
  double scale = std::min(p.page_width / width, p.page_height / height);
  p.width = width * scale;
  p.height = height * scale;
  p.x = (p.page_width - p.width) / 2;
  p.y = (p.page_height - p.height) / 2;
  p.dpi = 72.0 / scale;
  return p;
}

}  // namespace

PagePlacement PlaceOnPage(int width, int height, double resolution_dpi) {
  if (resolution_dpi > 0) {
    PagePlacement p;
    p.page_width = p.width = width * 72.0 / resolution_dpi;
    p.page_height = p.height = height * 72.0 / resolution_dpi;
    p.dpi = resolution_dpi;
    p.physical = true;
    if (std::max(p.page_width, p.page_height) <= kMaxSide &&
        std::min(p.page_width, p.page_height) >= 72.0)
      return p;
  }
  return FitToA4(width, height);
}

}  // namespace dossier
