// DownsampleScannedImages on the reference dossier's releve_bac: one 600-dpi
// grey scan of about 10 Mo in a PDF, brought down to the pièce's target. It
// is the single heaviest step of a dossier, so it gets its own row.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "bench/ProcessorBench.h"
#include "core/report/ImageStat.h"
#include "core/report/Refusal.h"
#include "processors/pdf/PdfOpen.h"
#include "processors/pdf/ScannedPageImages.h"

namespace dossier::bench {
namespace {

// Empty when the scan was brought down as it must be; otherwise why not.
std::string CheckDownsampled(const std::vector<ImageStat>& images) {
  if (images.empty()) return "no full-page image found";
  for (const ImageStat& image : images)
    if (image.dpi_after >= image.dpi_before)
      return "page " + std::to_string(image.page) + " kept at " + std::to_string(image.dpi_after) +
             " dpi (" + image.action + ")";
  return {};
}

void BM_DownsampleScannedImages(benchmark::State& state, const std::string& code) {
  const ReferencePiece* piece = FindReferencePiece(state, code);
  if (!piece) return;
  const InputFile& file = piece->files.front();
  std::vector<ImageStat> images;
  // The images are replaced in place, so each iteration needs the PDF as
  // uploaded: opened (and the previous one freed) while the timer is paused.
  OpenedPdf opened;
  try {
    for (auto _ : state) {
      state.PauseTiming();
      opened = OpenPdf(file, kProductionLimits);
      state.ResumeTiming();
      images = DownsampleScannedImages(*opened.doc, piece->rules.image, kProductionLimits, 1);
    }
  } catch (const Refusal& refusal) {
    state.SkipWithError((file.name + ": " + refusal.context()).c_str());
    return;
  }
  const std::string problem = CheckDownsampled(images);
  if (!problem.empty()) {
    state.SkipWithError((file.name + ": " + problem).c_str());
    return;
  }
  state.SetLabel(file.name);
  state.counters["input_bytes"] = static_cast<double>(file.bytes.size());
  state.counters["dpi_before"] = images.front().dpi_before;
  state.counters["dpi_after"] = images.front().dpi_after;
  state.counters["image_bytes_before"] = static_cast<double>(images.front().bytes_before);
  state.counters["image_bytes_after"] = static_cast<double>(images.front().bytes_after);
}

void RegisterDownsampleBenchmarks() {
  TimeLikePipeline(
      benchmark::RegisterBenchmark(FileRowName("DownsampleScannedImages", "releve_bac", 1).c_str(),
                                   BM_DownsampleScannedImages, std::string("releve_bac")),
      benchmark::kMillisecond);
}

[[maybe_unused]] const bool kDownsampleRegistered = (RegisterDownsampleBenchmarks(), true);

}  // namespace
}  // namespace dossier::bench
