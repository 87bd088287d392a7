#include "processors/pdf/ScannedPageImages.h"

#include <cmath>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vips/vips8>

#include "processors/image/DecodeScale.h"
#include "processors/image/JpegEncode.h"
#include "processors/image/PageRaster.h"

namespace dossier {
namespace {

using PoDoFo::PdfDictionary;
using PoDoFo::PdfMemDocument;
using PoDoFo::PdfName;
using PoDoFo::PdfObject;

const PdfObject* Resolve(const PdfMemDocument& doc, const PdfObject* object) {
  if (object && object->IsReference())
    return doc.GetObjects().GetObject(object->GetReference());
  return object;
}

long long IntegerKey(const PdfMemDocument& doc, const PdfDictionary& dict, const char* key) {
  const PdfObject* value = Resolve(doc, dict.GetKey(key));
  return value && value->IsNumber() ? value->GetNumber() : 0;
}

// The single filter of a stream ("" when none, "?" when a chain).
std::string SingleFilter(const PdfMemDocument& doc, const PdfDictionary& dict) {
  const PdfObject* filter = Resolve(doc, dict.GetKey(PdfName::KeyFilter));
  if (!filter) return "";
  if (filter->IsName()) return filter->GetName().GetName();
  if (filter->IsArray() && filter->GetArray().GetSize() == 1 && filter->GetArray()[0].IsName())
    return filter->GetArray()[0].GetName().GetName();
  return "?";
}

// Components of DeviceGray, DeviceRGB or an ICC profile; 0 for anything we
// do not re-encode (CMYK, indexed, separations).
int Components(const PdfMemDocument& doc, const PdfDictionary& dict) {
  const PdfObject* space = Resolve(doc, dict.GetKey("ColorSpace"));
  if (!space) return 0;
  if (space->IsName()) {
    const std::string& name = space->GetName().GetName();
    return name == "DeviceGray" ? 1 : name == "DeviceRGB" ? 3 : 0;
  }
  if (space->IsArray() && space->GetArray().GetSize() == 2 && space->GetArray()[0].IsName() &&
      space->GetArray()[0].GetName() == PdfName("ICCBased")) {
    const PdfObject* profile = Resolve(doc, &space->GetArray()[1]);
    if (profile && profile->IsDictionary()) {
      long long n = IntegerKey(doc, profile->GetDictionary(), "N");
      return (n == 1 || n == 3) ? static_cast<int>(n) : 0;
    }
  }
  return 0;
}

// Resolution of an image drawn over the whole page, or nullopt when its
// shape does not match the page (a logo, a photo in a layout).
std::optional<double> FullPageDpi(int width, int height, const PoDoFo::PdfRect& box) {
  double page_w = box.GetWidth() / 72.0, page_h = box.GetHeight() / 72.0;
  if (page_w <= 0 || page_h <= 0) return std::nullopt;
  double image_ratio = static_cast<double>(width) / height;
  auto close = [](double a, double b) { return std::fabs(a - b) / b < 0.08; };
  if (close(image_ratio, page_w / page_h)) return width / page_w;
  if (close(image_ratio, page_h / page_w)) return width / page_h;  // scanned sideways
  return std::nullopt;
}

bool IsPlainImage(const PdfMemDocument& doc, const PdfDictionary& dict) {
  const PdfObject* subtype = Resolve(doc, dict.GetKey(PdfName::KeySubtype));
  if (!subtype || !subtype->IsName() || subtype->GetName() != PdfName("Image")) return false;
  // Masks and decode arrays change what the pixels mean: leave those alone.
  return !dict.HasKey("SMask") && !dict.HasKey("Mask") && !dict.HasKey("Decode") &&
         !dict.HasKey("ImageMask") && IntegerKey(doc, dict, "BitsPerComponent") == 8;
}

vips::VImage DecodeStream(const PdfObject& object, const std::string& filter, int width,
                          int height, int components, double dpi, const ImageTarget& target,
                          std::string& holder) {
  if (filter == "DCTDecode") {
    char* data = nullptr;
    PoDoFo::pdf_long length = 0;
    object.GetStream()->GetCopy(&data, &length);
    holder.assign(data, length);
    PoDoFo::podofo_free(data);
    auto options = vips::VImage::option()
                       ->set("shrink", JpegShrinkFactor(dpi, target.dpi, target.floor_dpi))
                       ->set("access", VIPS_ACCESS_SEQUENTIAL);
    vips::VImage image = vips::VImage::new_from_buffer(holder.data(), holder.size(), "", options);
    if (image.bands() != components) throw vips::VError("unexpected JPEG components");
    return image;
  }
  char* data = nullptr;
  PoDoFo::pdf_long length = 0;
  object.GetStream()->GetFilteredCopy(&data, &length);
  holder.assign(data, length);
  PoDoFo::podofo_free(data);
  size_t needed = static_cast<size_t>(width) * height * components;
  if (holder.size() < needed) throw vips::VError("short image stream");
  return vips::VImage::new_from_memory(holder.data(), needed, width, height, components,
                                       VIPS_FORMAT_UCHAR);
}

void ReplaceStream(PdfObject& object, const std::string& jpeg, const vips::VImage& pixels) {
  PdfDictionary& dict = object.GetDictionary();
  dict.AddKey("Width", static_cast<PoDoFo::pdf_int64>(pixels.width()));
  dict.AddKey("Height", static_cast<PoDoFo::pdf_int64>(pixels.height()));
  dict.AddKey("BitsPerComponent", static_cast<PoDoFo::pdf_int64>(8));
  dict.AddKey("ColorSpace", PdfName(pixels.bands() == 1 ? "DeviceGray" : "DeviceRGB"));
  dict.AddKey(PdfName::KeyFilter, PdfName("DCTDecode"));
  dict.RemoveKey("DecodeParms");
  PoDoFo::PdfMemoryInputStream stream(jpeg.data(), static_cast<PoDoFo::pdf_long>(jpeg.size()));
  object.GetStream()->SetRawData(&stream);
}

std::optional<ImageStat> Downsample(PdfMemDocument& doc, PdfObject& object,
                                    const PoDoFo::PdfRect& box, const ImageTarget& target,
                                    const HardLimits& limits) {
  const PdfDictionary& dict = object.GetDictionary();
  if (!IsPlainImage(doc, dict)) return std::nullopt;
  int width = static_cast<int>(IntegerKey(doc, dict, "Width"));
  int height = static_cast<int>(IntegerKey(doc, dict, "Height"));
  int components = Components(doc, dict);
  std::string filter = SingleFilter(doc, dict);
  if (width <= 0 || height <= 0 || components == 0) return std::nullopt;
  if (static_cast<unsigned long long>(width) * height > limits.max_image_pixels) return std::nullopt;
  if (filter != "DCTDecode" && filter != "FlateDecode" && !filter.empty()) return std::nullopt;
  std::optional<double> dpi = FullPageDpi(width, height, box);
  if (!dpi) return std::nullopt;

  ImageStat stat;
  stat.dpi_before = stat.dpi_after = *dpi;
  stat.width_before = stat.width_after = width;
  stat.height_before = stat.height_after = height;
  stat.bytes_before = stat.bytes_after = static_cast<std::uint64_t>(object.GetStream()->GetLength());
  stat.action = "kept";
  if (*dpi <= target.dpi * 1.03 && (target.keep_fitting_jpeg || filter != "DCTDecode")) return stat;

  std::string holder;
  vips::VImage image = DecodeStream(object, filter, width, height, components, *dpi, target, holder);
  PageRaster raster = ResizeForPage(image, *dpi * image.width() / width, target.dpi);
  std::string jpeg = EncodeJpeg(raster.image, target.jpeg_quality);
  if (jpeg.size() >= stat.bytes_before && raster.image.width() == width) return stat;
  ReplaceStream(object, jpeg, raster.image);
  stat.action = raster.image.width() < width ? "downsampled" : "reencoded";
  stat.dpi_after = raster.dpi;
  stat.width_after = raster.image.width();
  stat.height_after = raster.image.height();
  stat.bytes_after = jpeg.size();
  return stat;
}

}  // namespace

std::vector<ImageStat> DownsampleScannedImages(PdfMemDocument& doc, const ImageTarget& target,
                                               const HardLimits& limits, int first_page) {
  std::vector<ImageStat> stats;
  std::set<PoDoFo::PdfReference> seen;  // an image shared by pages is done once
  for (int i = 0; i < doc.GetPageCount(); ++i) {
    PoDoFo::PdfPage* page = doc.GetPage(i);
    const PdfObject* resources = page ? page->GetResources() : nullptr;
    if (!resources || !resources->IsDictionary()) continue;
    const PdfObject* xobjects = Resolve(doc, resources->GetDictionary().GetKey("XObject"));
    if (!xobjects || !xobjects->IsDictionary()) continue;
    PoDoFo::PdfRect box = page->GetMediaBox();
    for (const auto& entry : xobjects->GetDictionary().GetKeys()) {
      if (!entry.second->IsReference() || !seen.insert(entry.second->GetReference()).second) continue;
      PdfObject* object = doc.GetObjects().GetObject(entry.second->GetReference());
      if (!object || !object->IsDictionary() || !object->HasStream()) continue;
      try {
        std::optional<ImageStat> stat = Downsample(doc, *object, box, target, limits);
        if (!stat) continue;
        stat->page = first_page + i;
        stats.push_back(*stat);
      } catch (const vips::VError&) {
        // Undecodable image data: the reader shows what it can; we keep it.
      } catch (const PoDoFo::PdfError&) {
      }
    }
  }
  return stats;
}

}  // namespace dossier
