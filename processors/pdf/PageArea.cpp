#include "processors/pdf/PageArea.h"

#include <cmath>
#include <cstdio>

#include "core/messages/PdfMessages.h"
#include "core/report/Refusal.h"

namespace dossier {

double RenderPixels(double width, double height, double dpi) {
  return std::fabs(width) / 72 * dpi * (std::fabs(height) / 72 * dpi);
}

void CheckPageArea(double width, double height, const std::string& name, int page,
                   const HardLimits& limits) {
  double pixels = RenderPixels(width, height, kReadingDpi);
  // NaN compares false: a box of infinities or garbage is refused too.
  if (pixels <= static_cast<double>(limits.max_page_pixels)) return;
  char size[96];
  std::snprintf(size, sizeof size, "%.0f x %.0f pt, %.0f Mpx at 150 dpi", width, height,
                pixels / 1e6);
  throw Refusal(RefusalReason::Limits, GiantPageMessage(name, page, width, height),
                name + ": page " + std::to_string(page) + ": " + size + " > max_page_pixels " +
                    std::to_string(limits.max_page_pixels));
}

double RenderableDpi(double width, double height, double dpi, const HardLimits& limits) {
  double pixels = RenderPixels(width, height, dpi);
  if (!(pixels > static_cast<double>(limits.max_render_pixels))) return dpi;
  return dpi * std::sqrt(static_cast<double>(limits.max_render_pixels) / pixels);
}

}  // namespace dossier
