// FitToLimit on a pièce that does not fit at first: the reference bulletins
// (three phone photos, about 0.68 Mo at the policy's target) held to a limit
// below that, as an establishment asking for smaller files would set it. The
// ladder then renders the pièce again at each rung until one fits, so the
// row is what a too-large pièce costs, every rung's merge included.
#include <benchmark/benchmark.h>
#include <podofo/podofo.h>

#include <cstdint>
#include <string>
#include <vector>

#include "bench/ProcessorBench.h"
#include "core/report/Refusal.h"
#include "processors/fit/FitLadder.h"
#include "processors/fit/FitToLimit.h"
#include "processors/image/ImagePage.h"
#include "processors/pdf/PdfWrite.h"

namespace dossier::bench {
namespace {

// Under what every rung but the last gives (0.68 Mo at 200 dpi q85 down to
// about 0.30 Mo at 175 dpi q60), about 13 % above the last (150 dpi q60,
// about 0.24 Mo): the ladder is walked to its end, the dearest pièce that
// still fits, and a small change in the encoder does not make it refuse.
constexpr std::uint64_t kFitLimitBytes = 280'000;

// One rung of an image pièce, as the pipeline renders it: every upload as a
// page of a new document, then the document written.
std::string RenderImagePiece(const ReferencePiece& piece, const ImageTarget& target) {
  PoDoFo::PdfMemDocument merged;
  for (std::size_t i = 0; i < piece.files.size(); ++i)
    AddImagePage(merged, piece.files[i], piece.kinds[i], target, kProductionLimits);
  return WritePdf(merged);
}

void BM_FitToLimit(benchmark::State& state, const std::string& code, std::uint64_t limit) {
  const ReferencePiece* piece = FindReferencePiece(state, code);
  if (!piece) return;
  const std::vector<ImageTarget> ladder = FitLadder(piece->rules.image);
  const auto render = [piece](const ImageTarget& target) {
    return RenderImagePiece(*piece, target);
  };
  FitResult fit;
  try {
    for (auto _ : state) {
      fit = FitToLimit(render, limit, ladder);
      benchmark::DoNotOptimize(fit.pdf.data());
    }
  } catch (const Refusal& refusal) {
    state.SkipWithError((code + ": " + refusal.context()).c_str());
    return;
  }
  if (!fit.fits || fit.rung == 0) {
    state.SkipWithError((code + ": " + std::to_string(fit.pdf.size()) + " bytes at rung " +
                         std::to_string(fit.rung) +
                         (fit.fits ? ", fitted at once" : ", never fitted"))
                            .c_str());
    return;
  }
  const ImageTarget& reached = ladder[fit.rung];
  state.SetLabel("fits at " + std::to_string(reached.dpi) + " dpi, q" +
                 std::to_string(reached.jpeg_quality));
  state.counters["limit_bytes"] = static_cast<double>(limit);
  state.counters["output_bytes"] = static_cast<double>(fit.pdf.size());
  state.counters["fit_rung"] = static_cast<double>(fit.rung);
  state.counters["attempts"] = fit.attempts;
}

void RegisterFitBenchmarks() {
  TimeLikePipeline(benchmark::RegisterBenchmark(
                       ("FitToLimit/bulletins/limit:" + std::to_string(kFitLimitBytes)).c_str(),
                       BM_FitToLimit, std::string("bulletins"), kFitLimitBytes),
                   benchmark::kMillisecond);
}

[[maybe_unused]] const bool kFitRegistered = (RegisterFitBenchmarks(), true);

}  // namespace
}  // namespace dossier::bench
