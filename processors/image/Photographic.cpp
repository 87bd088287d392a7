#include "processors/image/Photographic.h"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <unordered_set>

namespace dossier {

bool LooksPhotographic(const vips::VImage& image) {
  // Nearest-neighbour sample of about 64×64 pixels: averaging would invent
  // colours that the image does not have.
  int step_x = std::max(1, image.width() / 64);
  int step_y = std::max(1, image.height() / 64);
  vips::VImage sample = image.subsample(step_x, step_y);
  size_t size = 0;
  std::unique_ptr<void, decltype(&g_free)> pixels(sample.write_to_memory(&size), g_free);
  const auto* data = static_cast<const std::uint8_t*>(pixels.get());
  int bands = sample.bands();
  std::unordered_set<std::uint32_t> colours;
  size_t count = size / bands;
  for (size_t i = 0; i < count; ++i) {
    std::uint32_t colour = 0;
    for (int b = 0; b < bands && b < 3; ++b) colour = (colour << 8) | data[i * bands + b];
    colours.insert(colour);
  }
  // A clean document has a few hundred shades (text anti-aliasing); a photo
  // or a scan with sensor noise has thousands.
  return colours.size() > std::max<size_t>(512, count / 4);
}

}  // namespace dossier
