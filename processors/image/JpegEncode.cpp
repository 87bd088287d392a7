#include "processors/image/JpegEncode.h"

#include "processors/image/VipsBlob.h"

namespace dossier {

std::string EncodeJpeg(const vips::VImage& image, int quality) {
  VipsBlob blob(image.jpegsave_buffer(vips::VImage::option()
                                          ->set("Q", quality)
                                          ->set("strip", true)
                                          ->set("optimize_coding", true)));
  return blob.bytes();
}

}  // namespace dossier
