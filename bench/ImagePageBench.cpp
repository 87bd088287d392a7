// The image processors on the reference dossier's images (the three phone
// photos of bulletins, the two PNG scans of identite): ReadImageHeader, which
// decides everything before a pixel is decoded, and AddImagePage, one upload
// turned into one page at the pièce's target (the first rung of the ladder).
#include <benchmark/benchmark.h>
#include <podofo/podofo.h>

#include <memory>
#include <string>
#include <vector>

#include "bench/ProcessorBench.h"
#include "core/report/ImageStat.h"
#include "core/report/Refusal.h"
#include "processors/image/ImageHeader.h"
#include "processors/image/ImagePage.h"

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

void RegisterImagePageBenchmarks() {
  RegisterPerFile("ReadImageHeader", kImagePieces, BM_ReadImageHeader, benchmark::kMicrosecond);
  RegisterPerFile("ImagePage", kImagePieces, BM_ImagePage, benchmark::kMillisecond);
}

[[maybe_unused]] const bool kImagePageRegistered = (RegisterImagePageBenchmarks(), true);

}  // namespace
}  // namespace dossier::bench
