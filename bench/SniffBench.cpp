// Sniff on every file of the reference dossier: judging a file by its first
// and last bytes must cost nothing next to the rest of the pipeline, however
// large the file (the 10 Mo releve_bac scan included).
#include <benchmark/benchmark.h>

#include <string>

#include "bench/ProcessorBench.h"
#include "core/sniff/Sniff.h"

namespace dossier::bench {
namespace {

void BM_Sniff(benchmark::State& state, const std::string& code, int position) {
  const ReferencePiece* piece = FindReferencePiece(state, code);
  if (!piece) return;
  const InputFile& file = piece->files[position - 1];
  SniffResult sniffed;
  for (auto _ : state) {
    sniffed = Sniff(file.bytes);
    benchmark::DoNotOptimize(sniffed);
  }
  if (!piece->rules.Accepts(FileKindCode(sniffed.kind)) || sniffed.truncated) {
    state.SkipWithError((file.name + " sniffed as " + FileKindCode(sniffed.kind) +
                         (sniffed.truncated ? ", truncated" : ""))
                            .c_str());
    return;
  }
  state.SetLabel(file.name + " " + FileKindCode(sniffed.kind));
  state.counters["input_bytes"] = static_cast<double>(file.bytes.size());
}

// Every file of every pièce.
[[maybe_unused]] const bool kSniffRegistered =
    (RegisterPerFile("Sniff", {}, BM_Sniff, benchmark::kNanosecond), true);

}  // namespace
}  // namespace dossier::bench
