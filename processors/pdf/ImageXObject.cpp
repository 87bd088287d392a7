#include "processors/pdf/ImageXObject.h"

#include <glib.h>

namespace dossier {
namespace {

PoDoFo::EPdfColorSpace SpaceFor(int bands) {
  return bands == 1 ? PoDoFo::ePdfColorSpace_DeviceGray : PoDoFo::ePdfColorSpace_DeviceRGB;
}

}  // namespace

std::unique_ptr<PoDoFo::PdfImage> JpegXObject(PoDoFo::PdfDocument& doc, const std::string& jpeg,
                                              int width, int height, int bands) {
  auto image = std::make_unique<PoDoFo::PdfImage>(&doc);
  image->SetImageColorSpace(SpaceFor(bands));
  // SetImageDataRaw stores the bytes unencoded: the filter key must be set first.
  image->GetObject()->GetDictionary().AddKey(PoDoFo::PdfName::KeyFilter,
                                             PoDoFo::PdfName("DCTDecode"));
  PoDoFo::PdfMemoryInputStream stream(jpeg.data(), static_cast<PoDoFo::pdf_long>(jpeg.size()));
  image->SetImageDataRaw(width, height, 8, &stream);
  return image;
}

std::unique_ptr<PoDoFo::PdfImage> PixelXObject(PoDoFo::PdfDocument& doc,
                                               const vips::VImage& pixels) {
  size_t size = 0;
  std::unique_ptr<void, decltype(&g_free)> data(pixels.write_to_memory(&size), g_free);
  auto image = std::make_unique<PoDoFo::PdfImage>(&doc);
  image->SetImageColorSpace(SpaceFor(pixels.bands()));
  PoDoFo::PdfMemoryInputStream stream(static_cast<const char*>(data.get()),
                                      static_cast<PoDoFo::pdf_long>(size));
  image->SetImageData(pixels.width(), pixels.height(), 8, &stream);  // Flate by default
  return image;
}

}  // namespace dossier
