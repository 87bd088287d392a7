// The drawing budget (CheckDrawingBudget), run on every PDF upload before
// anything renders it: its cost on the reference dossier's PDFs (what every
// candidate pays) and on each hostile fixture (what refusing costs, instead
// of minutes of rendering).
#include <benchmark/benchmark.h>

#include <functional>
#include <string>
#include <vector>

#include "bench/ProcessorBench.h"
#include "core/report/Refusal.h"
#include "processors/pdf/DrawingBudget.h"
#include "tests/fixtures/HostilePdf.h"

namespace dossier::bench {
namespace {

const std::vector<std::string> kPdfPieces = {"cv", "lettre_motivation", "releve_bac"};

void BM_DrawingBudget(benchmark::State& state, const std::string& code, int position) {
  const ReferencePiece* piece = FindReferencePiece(state, code);
  if (!piece) return;
  const InputFile& file = piece->files[position - 1];
  DrawingMeasure measure;
  try {
    for (auto _ : state) {
      measure = CheckDrawingBudget(file, kProductionLimits);
      benchmark::DoNotOptimize(measure.document.operators);
    }
  } catch (const Refusal& refusal) {
    state.SkipWithError((file.name + ": " + refusal.context()).c_str());
    return;
  }
  state.SetLabel(file.name);
  state.counters["input_bytes"] = static_cast<double>(file.bytes.size());
  state.counters["pages"] = measure.pages;
  state.counters["operators"] = static_cast<double>(measure.document.operators);
  state.counters["decoded_bytes"] = static_cast<double>(measure.decoded_bytes);
}

// A hostile file must be refused, every time, and fast.
void BM_DrawingBudgetHostile(benchmark::State& state, const std::function<std::string()>& make) {
  const InputFile file{"hostile.pdf", make()};
  std::string context;
  for (auto _ : state) {
    try {
      CheckDrawingBudget(file, kProductionLimits);
      state.SkipWithError("hostile.pdf passed the drawing budget");
      return;
    } catch (const Refusal& refusal) {
      context = refusal.context();
    }
  }
  state.SetLabel(context);
  state.counters["input_bytes"] = static_cast<double>(file.bytes.size());
}

void RegisterDrawingBudgetBenchmarks() {
  RegisterPerFile("DrawingBudget", kPdfPieces, BM_DrawingBudget, benchmark::kMicrosecond);
  const std::vector<std::pair<std::string, std::function<std::string()>>> hostile = {
      {"huge_declared_image", [] { return fixtures::HugeDeclaredImagePdf(); }},
      {"nested_forms", [] { return fixtures::NestedFormsPdf(); }},
      {"operator_flood", [] { return fixtures::OperatorFloodPdf(); }},
      {"giant_page", [] { return fixtures::GiantPagePdf(); }}};
  for (const auto& [name, make] : hostile)
    TimeLikePipeline(benchmark::RegisterBenchmark(("DrawingBudget/hostile:" + name).c_str(),
                                                  BM_DrawingBudgetHostile, make),
                     benchmark::kMicrosecond);
}

[[maybe_unused]] const bool kDrawingBudgetRegistered = (RegisterDrawingBudgetBenchmarks(), true);

}  // namespace
}  // namespace dossier::bench
