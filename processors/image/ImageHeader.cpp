#include "processors/image/ImageHeader.h"

#include <vips/vips8>

#include "core/messages/ImageMessages.h"
#include "core/report/Refusal.h"

namespace dossier {
namespace {

// Phones write 72 dpi and many encoders 1 or 96: none of those is a physical
// size. Only a resolution a scanner would use is believed.
double PlausibleDpi(const vips::VImage& image) {
  double dpi = image.xres() * 25.4;
  return (dpi >= 100 && dpi <= 1200) ? dpi : 0;
}

int Orientation(const vips::VImage& image) {
  if (image.get_typeof("orientation") == 0) return 1;
  int value = image.get_int("orientation");
  return (value >= 1 && value <= 8) ? value : 1;
}

bool IsBilevel(const vips::VImage& image) {
  if (image.get_typeof("bits-per-sample") == 0) return false;
  return image.get_int("bits-per-sample") == 1;
}

}  // namespace

ImageHeader ReadImageHeader(const std::string& bytes, const std::string& name,
                            const HardLimits& limits) {
  vips::VImage image;
  try {
    // new_from_buffer reads the header only; pixels are decoded later, at the
    // scale the page needs.
    image = vips::VImage::new_from_buffer(bytes.data(), bytes.size(), "");
  } catch (const vips::VError& error) {
    throw Refusal(RefusalReason::Corrupt, UnreadableImageMessage(name), name + ": " + error.what());
  }
  ImageHeader header;
  header.width = image.width();
  header.height = image.height();
  header.bands = image.bands();
  header.orientation = Orientation(image);
  header.resolution_dpi = PlausibleDpi(image);
  header.cmyk = image.interpretation() == VIPS_INTERPRETATION_CMYK;
  header.has_alpha = image.has_alpha();
  header.sixteen_bit = image.format() != VIPS_FORMAT_UCHAR;
  header.bilevel = IsBilevel(image);
  auto pixels = static_cast<unsigned long long>(header.width) * header.height;
  if (pixels > limits.max_image_pixels)
    throw Refusal(RefusalReason::Limits, OversizedImageMessage(name, header.width, header.height),
                  name + ": " + std::to_string(header.width) + "x" + std::to_string(header.height) +
                      " pixels");
  return header;
}

}  // namespace dossier
