#include "processors/fit/FitToLimit.h"

namespace dossier {

FitResult FitToLimit(const std::function<std::string(const ImageTarget&)>& render,
                     std::uint64_t max_bytes, const std::vector<ImageTarget>& ladder) {
  FitResult best;
  for (std::size_t i = 0; i < ladder.size(); ++i) {
    std::string pdf = render(ladder[i]);
    ++best.attempts;
    bool smaller = best.pdf.empty() || pdf.size() < best.pdf.size();
    // Less than 1 % gained: the remaining rungs will not gain either.
    bool stalled = !best.pdf.empty() && pdf.size() * 100 >= best.pdf.size() * 99;
    if (smaller) {
      best.pdf = std::move(pdf);
      best.rung = i;
    }
    if (best.pdf.size() <= max_bytes) {
      best.fits = true;
      return best;
    }
    if (stalled && i >= 1) break;
  }
  return best;
}

}  // namespace dossier
