// The image processors on the reference dossier's images (the three phone
// photos of bulletins, the two PNG scans of identite): ReadImageHeader, which
// decides everything before a pixel is decoded, and AddImagePage, one upload
// turned into one page at the pièce's target (the first rung of the ladder).
// ImagePageFormat compares the formats phones and scanners send on the same
// picture: the first bulletin photo as JPEG (the phone's file), HEIC (stored
// landscape, irot 6, as an iPhone), AVIF, WebP and TIFF (LZW).
#include <benchmark/benchmark.h>
#include <glib.h>
#include <podofo/podofo.h>

#include <memory>
#include <string>
#include <vector>
#include <vips/vips8>

#include "bench/ProcessorBench.h"
#include "core/report/ImageStat.h"
#include "core/report/Refusal.h"
#include "processors/image/ImageHeader.h"
#include "processors/image/ImagePage.h"
#include "tests/fixtures/HeifPhoto.h"

namespace dossier::bench {
namespace {

// The pièces made of images (phone photos, PNG scans).
const std::vector<std::string> kImagePieces = {"bulletins", "identite"};

void BM_ReadImageHeader(benchmark::State& state, const std::string& code, int position) {
  const ReferencePiece* piece = FindReferencePiece(state, code);
  if (!piece) return;
  const InputFile& file = piece->files[position - 1];
  ImageHeader header;
  try {
    for (auto _ : state) {
      header = ReadImageHeader(file.bytes, file.name, kProductionLimits);
      benchmark::DoNotOptimize(header);
    }
  } catch (const Refusal& refusal) {
    state.SkipWithError((file.name + ": " + refusal.context()).c_str());
    return;
  }
  state.SetLabel(file.name);
  state.counters["width"] = header.oriented_width();
  state.counters["height"] = header.oriented_height();
  state.counters["orientation"] = header.orientation;
}

void BM_ImagePage(benchmark::State& state, const std::string& code, int position) {
  const ReferencePiece* piece = FindReferencePiece(state, code);
  if (!piece) return;
  const InputFile& file = piece->files[position - 1];
  const FileKind kind = piece->kinds[position - 1];
  ImageStat stat;
  // The previous page's document is freed while the timer is paused: the row
  // is the page, not PoDoFo's teardown.
  std::unique_ptr<PoDoFo::PdfMemDocument> doc;
  try {
    for (auto _ : state) {
      state.PauseTiming();
      doc = std::make_unique<PoDoFo::PdfMemDocument>();
      state.ResumeTiming();
      stat = AddImagePage(*doc, file, kind, piece->rules.image, kProductionLimits);
    }
  } catch (const Refusal& refusal) {
    state.SkipWithError((file.name + ": " + refusal.context()).c_str());
    return;
  }
  state.SetLabel(file.name + " " + stat.action);
  state.counters["input_bytes"] = static_cast<double>(stat.bytes_before);
  state.counters["image_bytes"] = static_cast<double>(stat.bytes_after);
  state.counters["dpi_before"] = stat.dpi_before;
  state.counters["dpi_after"] = stat.dpi_after;
}

// The same picture in each format, built once from the first bulletin photo.
struct PhotoFormats {
  std::vector<InputFile> files;  // jpeg, heic, avif, webp, tiff
  std::vector<FileKind> kinds;
  std::string error;
};

const std::vector<const char*> kFormatRows = {"jpeg", "heic", "avif", "webp", "tiff"};

std::string VipsBytes(const vips::VImage& image, const char* suffix) {
  void* buffer = nullptr;
  size_t length = 0;
  image.write_to_buffer(suffix, &buffer, &length);
  std::string bytes(static_cast<const char*>(buffer), length);
  g_free(buffer);
  return bytes;
}

PhotoFormats BuildPhotoFormats(const InputFile& jpeg) {
  PhotoFormats built;
  vips::VImage upright = vips::VImage::new_from_buffer(jpeg.bytes.data(), jpeg.bytes.size(), "")
                             .autorot()
                             .copy_memory();
  fixtures::HeifPhotoSpec heic;
  heic.orientation = 6;
  heic.quality = 50;  // about the size of the phone's JPEG
  fixtures::HeifPhotoSpec avif;
  avif.codec = fixtures::HeifCodec::kAv1;
  avif.exif_orientation_too = false;
  built.files = {jpeg,
                 {"photo.heic", fixtures::HeifPhoto(upright, heic)},
                 {"photo.avif", fixtures::HeifPhoto(upright, avif)},
                 {"photo.webp", VipsBytes(upright, ".webp[Q=80]")},
                 {"photo.tif", VipsBytes(upright, ".tif[compression=lzw]")}};
  built.kinds = {FileKind::Jpeg, FileKind::Heic, FileKind::Avif, FileKind::Webp, FileKind::Tiff};
  return built;
}

const PhotoFormats* FindPhotoFormats(benchmark::State& state) {
  const ReferencePiece* piece = FindReferencePiece(state, "bulletins");
  if (!piece) return nullptr;
  static const PhotoFormats once = [piece] {
    try {
      return BuildPhotoFormats(piece->files[0]);
    } catch (const std::exception& error) {
      PhotoFormats failed;
      failed.error = std::string("building the photo formats: ") + error.what();
      return failed;
    }
  }();
  if (!once.error.empty()) {
    state.SkipWithError(once.error.c_str());
    return nullptr;
  }
  return &once;
}

void BM_ImagePageFormat(benchmark::State& state, std::size_t format) {
  const PhotoFormats* formats = FindPhotoFormats(state);
  if (!formats) return;
  const InputFile& file = formats->files[format];
  ImageStat stat;
  std::unique_ptr<PoDoFo::PdfMemDocument> doc;
  PieceRules rules;
  try {
    for (auto _ : state) {
      state.PauseTiming();
      doc = std::make_unique<PoDoFo::PdfMemDocument>();
      state.ResumeTiming();
      stat = AddImagePage(*doc, file, formats->kinds[format], rules.image, kProductionLimits);
    }
  } catch (const Refusal& refusal) {
    state.SkipWithError((file.name + ": " + refusal.context()).c_str());
    return;
  }
  state.SetLabel(file.name + " " + stat.action);
  state.counters["input_bytes"] = static_cast<double>(stat.bytes_before);
  state.counters["dpi_after"] = stat.dpi_after;
}

void RegisterImagePageBenchmarks() {
  RegisterPerFile("ReadImageHeader", kImagePieces, BM_ReadImageHeader, benchmark::kMicrosecond);
  RegisterPerFile("ImagePage", kImagePieces, BM_ImagePage, benchmark::kMillisecond);
  for (std::size_t i = 0; i < kFormatRows.size(); ++i)
    TimeLikePipeline(benchmark::RegisterBenchmark(
                         (std::string("ImagePageFormat/") + kFormatRows[i]).c_str(),
                         [i](benchmark::State& state) { BM_ImagePageFormat(state, i); }),
                     benchmark::kMillisecond);
}

[[maybe_unused]] const bool kImagePageRegistered = (RegisterImagePageBenchmarks(), true);

}  // namespace
}  // namespace dossier::bench
