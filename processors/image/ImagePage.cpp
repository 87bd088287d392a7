#include "processors/image/ImagePage.h"

#include <vips/vips8>

#include "core/messages/ImageMessages.h"
#include "core/report/Refusal.h"
#include "processors/image/ImageHeader.h"
#include "processors/image/JpegEncode.h"
#include "processors/image/Orientation.h"
#include "processors/image/PagePlacement.h"
#include "processors/image/PageRaster.h"
#include "processors/image/Photographic.h"
#include "processors/pdf/ImageXObject.h"

namespace dossier {
namespace {

bool CanEmbedAsIs(FileKind kind, const ImageHeader& header, double placed_dpi,
                  const ImageTarget& target) {
  return kind == FileKind::Jpeg && target.keep_fitting_jpeg && !header.cmyk &&
         (header.bands == 1 || header.bands == 3) &&
         placed_dpi <= TargetDpiFor(header, target) * 1.03;
}

// A JPEG embedded unchanged is never decoded by us, so decode it once at 1/8
// scale (cheap) to be sure a reader can: a damaged one is refused now, not
// found illegible by the gestionnaire later. Strict on purpose: libjpeg only
// *warns* about missing rows (grey bands), so any warning refuses; a
// re-upload before the deadline costs less than an "Illisible" after it.
void CheckJpegDecodes(const InputFile& file) {
  try {
    auto options = vips::VImage::option()
                       ->set("shrink", 8)
                       ->set("access", VIPS_ACCESS_SEQUENTIAL)
                       ->set("fail_on", VIPS_FAIL_ON_WARNING);
    (void)vips::VImage::new_from_buffer(file.bytes.data(), file.bytes.size(), "", options).avg();
  } catch (const vips::VError& error) {
    throw Refusal(RefusalReason::Corrupt, UnreadableImageMessage(file.name),
                  file.name + ": " + error.what());
  }
}

// PNG and TIFF hold drawings and black-and-white scans without loss; the
// other formats are photographs already compressed with loss.
bool IsLosslessFormat(FileKind kind) {
  return kind == FileKind::Png || kind == FileKind::Tiff;
}

// A PNG drawing or screenshot deflates to well under 0.2 byte per pixel; a
// scan with paper texture and sensor noise does not, and is better as JPEG
// even when it has few distinct colours.
bool CompressesPoorly(const InputFile& file, const ImageHeader& header) {
  double pixels = static_cast<double>(header.width) * header.height;
  return pixels > 0 && file.bytes.size() / pixels > 0.2;
}

void DrawPage(PoDoFo::PdfMemDocument& doc, PoDoFo::PdfImage& image, int orientation,
              const PagePlacement& place, int pixel_width, int pixel_height) {
  PoDoFo::PdfPage* page =
      doc.CreatePage(PoDoFo::PdfRect(0, 0, place.page_width, place.page_height));
  PdfMatrix m = OrientedPlacement(orientation, place.x, place.y, place.width, place.height);
  PoDoFo::PdfPainter painter;
  painter.SetPrecision(4);
  painter.SetPage(page);
  painter.Save();
  painter.SetTransformationMatrix(m.a, m.b, m.c, m.d, m.e, m.f);
  painter.DrawImage(0, 0, &image, 1.0 / pixel_width, 1.0 / pixel_height);
  painter.Restore();
  painter.FinishPage();
}

}  // namespace

ImageStat AddImagePage(PoDoFo::PdfMemDocument& doc, const InputFile& file, FileKind kind,
                       const ImageTarget& target, const HardLimits& limits, int page) {
  ImageHeader header = ReadImageHeader(file.bytes, file.name, limits, kind, page);
  PagePlacement place =
      PlaceOnPage(header.oriented_width(), header.oriented_height(), header.resolution_dpi);
  ImageStat stat;
  stat.page = doc.GetPageCount() + 1;
  stat.dpi_before = place.dpi;
  stat.width_before = header.width;
  stat.height_before = header.height;
  stat.bytes_before = file.bytes.size();

  std::unique_ptr<PoDoFo::PdfImage> image;
  int width = header.width, height = header.height;
  if (CanEmbedAsIs(kind, header, place.dpi, target)) {
    CheckJpegDecodes(file);
    image = JpegXObject(doc, file.bytes, width, height, header.bands);
    stat.action = "embedded";
    stat.dpi_after = place.dpi;
    stat.bytes_after = file.bytes.size();
  } else {
    PageRaster raster;
    try {
      raster = DecodeForPage(file.bytes, kind, header, place.dpi, target, page);
      width = raster.image.width();
      height = raster.image.height();
      bool lossless = IsLosslessFormat(kind) && target.allow_lossless &&
                      !CompressesPoorly(file, header) && !LooksPhotographic(raster.image);
      if (lossless) {
        image = PixelXObject(doc, raster.image);
        stat.action = "lossless";
      } else {
        std::string jpeg = EncodeJpeg(raster.image, target.jpeg_quality);
        image = JpegXObject(doc, jpeg, width, height, raster.image.bands());
        stat.bytes_after = jpeg.size();
        stat.action = raster.dpi < place.dpi * 0.97 ? "downsampled" : "reencoded";
      }
    } catch (const vips::VError& error) {
      throw Refusal(RefusalReason::Corrupt, UnreadableImageMessage(file.name),
                    file.name + ": " + error.what());
    }
    stat.dpi_after = raster.dpi;
  }
  stat.width_after = width;
  stat.height_after = height;
  DrawPage(doc, *image, header.orientation, place, width, height);
  if (stat.bytes_after == 0)
    stat.bytes_after = static_cast<std::uint64_t>(image->GetObject()->GetStream()->GetLength());
  return stat;
}

}  // namespace dossier
