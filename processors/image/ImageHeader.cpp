#include "processors/image/ImageHeader.h"

#include <cstdio>
#include <cstring>
#include <vips/vips8>

#include "core/messages/ImageMessages.h"
#include "core/report/Refusal.h"
#include "processors/image/HeifModule.h"
#include "processors/image/TiffPages.h"

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

// libheif refuses a declared size over 16384×16384 itself, before libvips
// hands us the header: the same refusal as ours (`limits`), named with the
// size libheif read. Any other error stays `corrupt`.
void RefuseOverLibheifLimit(const vips::VError& error, const std::string& name) {
  const char* said = std::strstr(error.what(), "Security limit exceeded: Image size ");
  unsigned long long width = 0, height = 0;
  if (!said ||
      std::sscanf(said, "Security limit exceeded: Image size %llux%llu", &width, &height) != 2)
    return;
  throw Refusal(RefusalReason::Limits, OversizedImageMessage(name, width, height),
                name + ": " + error.what());
}

bool IsHeif(FileKind kind) {
  return kind == FileKind::Heic || kind == FileKind::Avif;
}

}  // namespace

vips::VOption* LoadOptions(FileKind kind, int page) {
  vips::VOption* options = vips::VImage::option();
  // One TIFF directory per page. A HEIF file opens on its primary image and
  // an animated WebP on its first frame, libvips' defaults.
  if (kind == FileKind::Tiff) options->set("page", page);
  return options;
}

ImageHeader ReadImageHeader(const std::string& bytes, const std::string& name,
                            const HardLimits& limits, FileKind kind, int page) {
  if (IsHeif(kind)) LoadHeifModule();
  vips::VImage image;
  try {
    // new_from_buffer reads the header only; pixels are decoded later, at the
    // scale the page needs.
    image = vips::VImage::new_from_buffer(bytes.data(), bytes.size(), "", LoadOptions(kind, page));
  } catch (const vips::VError& error) {
    RefuseOverLibheifLimit(error, name);
    throw Refusal(RefusalReason::Corrupt, UnreadableImageMessage(name), name + ": " + error.what());
  }
  ImageHeader header;
  header.width = image.width();
  header.height = image.height();
  header.bands = image.bands();
  // libheif turns a HEIF image upright itself (its irot and imir boxes) and
  // libvips drops the EXIF tag, which HEIF calls informational: applying it
  // again would turn an iPhone photo a second time.
  header.orientation = IsHeif(kind) ? 1 : Orientation(image);
  header.resolution_dpi = PlausibleDpi(image);
  header.cmyk = image.interpretation() == VIPS_INTERPRETATION_CMYK;
  header.has_alpha = image.has_alpha();
  header.sixteen_bit = image.format() != VIPS_FORMAT_UCHAR;
  header.bilevel = IsBilevel(image) || (kind == FileKind::Tiff && IsBilevelTiffPage(bytes, page));
  auto pixels = static_cast<unsigned long long>(header.width) * header.height;
  if (pixels > limits.max_image_pixels)
    throw Refusal(RefusalReason::Limits, OversizedImageMessage(name, header.width, header.height),
                  name + ": " + std::to_string(header.width) + "x" + std::to_string(header.height) +
                      " pixels");
  return header;
}

}  // namespace dossier
