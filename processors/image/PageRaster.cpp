#include "processors/image/PageRaster.h"

#include "processors/image/DecodeScale.h"

namespace dossier {

int TargetDpiFor(const ImageHeader& header, const ImageTarget& target) {
  return header.bilevel ? target.bilevel_dpi : target.dpi;
}

vips::VImage ToPdfPixels(vips::VImage image) {
  if (image.interpretation() == VIPS_INTERPRETATION_CMYK)
    image = image.icc_import(vips::VImage::option()->set("embedded", true))
                .colourspace(VIPS_INTERPRETATION_sRGB);
  if (image.has_alpha())
    image = image.flatten(vips::VImage::option()->set("background", std::vector<double>{255}));
  if (image.format() != VIPS_FORMAT_UCHAR) {
    auto space = image.bands() == 1 ? VIPS_INTERPRETATION_B_W : VIPS_INTERPRETATION_sRGB;
    image = image.colourspace(space).cast(VIPS_FORMAT_UCHAR);
  }
  if (image.bands() == 2) image = image.extract_band(0);
  if (image.bands() > 3) image = image.extract_band(0, vips::VImage::option()->set("n", 3));
  return image;
}

PageRaster ResizeForPage(vips::VImage image, double dpi, int target_dpi) {
  // A few per cent over the target is not worth a resample.
  if (dpi > target_dpi * 1.03) {
    double scale = target_dpi / dpi;
    image = image.resize(scale);
    dpi = dpi * scale;
  }
  return {ToPdfPixels(image), dpi};
}

PageRaster DecodeForPage(const std::string& bytes, FileKind kind, const ImageHeader& header,
                         double placed_dpi, const ImageTarget& target, int page) {
  int target_dpi = TargetDpiFor(header, target);
  // Damaged data must fail here (see CheckJpegDecodes), not become grey bands.
  auto options = LoadOptions(kind, page)->set("fail_on", VIPS_FAIL_ON_WARNING);
  // A JPEG is read once, top to bottom, straight into the encoder; a PNG is
  // read twice (the photo test, then the encoder), which sequential access
  // forbids.
  if (kind == FileKind::Jpeg)
    options->set("access", VIPS_ACCESS_SEQUENTIAL)
        ->set("shrink", JpegShrinkFactor(placed_dpi, target_dpi, target.floor_dpi));
  vips::VImage image = vips::VImage::new_from_buffer(bytes.data(), bytes.size(), "", options);
  // The header promised this size and every limit was judged on it; a file
  // whose data decodes to another size is not what it says it is.
  if (kind != FileKind::Jpeg && (image.width() != header.width || image.height() != header.height))
    throw vips::VError("decoded " + std::to_string(image.width()) + "x" +
                       std::to_string(image.height()) + ", header said " +
                       std::to_string(header.width) + "x" + std::to_string(header.height));
  double dpi = placed_dpi * image.width() / header.width;
  return ResizeForPage(image, dpi, target_dpi);
}

}  // namespace dossier
