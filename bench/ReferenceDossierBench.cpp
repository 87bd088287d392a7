#include "bench/ReferenceDossierBench.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "core/input/InputFile.h"
#include "core/report/PieceReport.h"
#include "core/report/PieceRules.h"
#include "core/report/Refusal.h"
#include "processors/pipeline/ProcessPiece.h"
#include "tests/fixtures/ReferenceDossier.h"
#include "workflow/policy/PiecePolicy.h"

namespace dossier::bench {
namespace {

// Every pièce of the reference dossier has a 2 Mo limit (docs/ARCHITECTURE.md).
constexpr std::uint64_t kReferenceMaxBytes = 2'000'000;

// One pièce ready for ProcessPiece: its files and the rules it is held to.
struct BenchPiece {
  std::string code;
  std::vector<InputFile> inputs;
  PieceRules rules;
  std::uint64_t input_bytes = 0;
};

// The rules the built-in policy gives `code`, at 2 Mo, without the INE check:
// these benchmarks measure the document work, not OCR.
PieceRules ReferenceRules(const PiecePolicy& policy, const std::string& code) {
  PieceRules rules = policy.RulesFor(code);
  rules.max_bytes = kReferenceMaxBytes;
  rules.check_ine = false;
  rules.declared_ine.clear();
  return rules;
}

std::string ReadWhole(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The dossier as `dossier-fixtures reference DIR` wrote it (DIR/<code>/<NN>_<name>):
// the compare script measures us and the peer on the very same files.
std::vector<fixtures::PieceFiles> ReadDossier(const std::string& dir) {
  std::vector<fixtures::PieceFiles> dossier;
  for (const char* code : {"cv", "lettre_motivation", "releve_bac", "bulletins", "identite"}) {
    fixtures::PieceFiles piece{code, {}};
    std::vector<std::filesystem::path> paths;
    for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(dir) / code))
      paths.push_back(entry.path());
    std::sort(paths.begin(), paths.end());  // NN_ prefix: upload order
    for (const auto& path : paths)
      piece.files.push_back({path.filename().string(), ReadWhole(path)});
    dossier.push_back(std::move(piece));
  }
  return dossier;
}

std::vector<BenchPiece> LoadReferenceDossier() {
  const PiecePolicy policy = PiecePolicy::BuiltIn();
  const char* dir = std::getenv("DOSSIER_BENCH_DOSSIER");
  std::vector<BenchPiece> pieces;
  for (fixtures::PieceFiles& files : dir ? ReadDossier(dir) : fixtures::BuildReferenceDossier()) {
    BenchPiece piece;
    piece.code = files.code;
    piece.rules = ReferenceRules(policy, files.code);
    for (fixtures::FixtureFile& file : files.files) {
      piece.input_bytes += file.bytes.size();
      piece.inputs.push_back({std::move(file.name), std::move(file.bytes)});
    }
    pieces.push_back(std::move(piece));
  }
  return pieces;
}

// Empty when the outcome is what the reference dossier must give: accepted,
// under the limit, the PDF the report describes. Otherwise why not.
std::string CheckOutcome(const BenchPiece& piece, const PieceOutcome& outcome) {
  const PieceReport& report = outcome.report;
  if (!report.accepted) {
    return piece.code + " refused (" +
           (report.reason ? std::string(ReasonCode(*report.reason)) : std::string("?")) +
           "): " + report.detail;
  }
  if (outcome.pdf.size() > piece.rules.max_bytes) {
    return piece.code + " over the limit: " + std::to_string(outcome.pdf.size()) + " > " +
           std::to_string(piece.rules.max_bytes) + " bytes";
  }
  if (outcome.pdf.size() != report.output_bytes) {
    return piece.code + " report says " + std::to_string(report.output_bytes) + " bytes, PDF has " +
           std::to_string(outcome.pdf.size());
  }
  if (report.pages <= 0) return piece.code + " has no pages";
  return {};
}

// One pièce, from its uploaded files to the checked PDF.
void BM_Piece(benchmark::State& state, const BenchPiece* piece) {
  PieceReport last;
  for (auto _ : state) {
    PieceOutcome outcome = ProcessPiece(piece->inputs, piece->rules);
    benchmark::DoNotOptimize(outcome.pdf.data());
    const std::string problem = CheckOutcome(*piece, outcome);
    if (!problem.empty()) {
      state.SkipWithError(problem.c_str());
      break;
    }
    last = std::move(outcome.report);
  }
  if (state.error_occurred()) return;
  state.counters["input_bytes"] = static_cast<double>(piece->input_bytes);
  state.counters["output_bytes"] = static_cast<double>(last.output_bytes);
  state.counters["pages"] = last.pages;
  state.counters["fit_rung"] = last.fit.rung;
  state.counters["accepted"] = last.accepted ? 1 : 0;
}

// The five pièces in sequence: one candidate's dossier, the headline figure.
void BM_WholeDossier(benchmark::State& state, const std::vector<BenchPiece>* pieces) {
  std::uint64_t output_bytes = 0, input_bytes = 0;
  int pages = 0, accepted = 0;
  for (auto _ : state) {
    output_bytes = input_bytes = 0;
    pages = accepted = 0;
    for (const BenchPiece& piece : *pieces) {
      PieceOutcome outcome = ProcessPiece(piece.inputs, piece.rules);
      benchmark::DoNotOptimize(outcome.pdf.data());
      const std::string problem = CheckOutcome(piece, outcome);
      if (!problem.empty()) {
        state.SkipWithError(problem.c_str());
        break;
      }
      input_bytes += piece.input_bytes;
      output_bytes += outcome.report.output_bytes;
      pages += outcome.report.pages;
      ++accepted;
    }
    if (state.error_occurred()) break;
  }
  if (state.error_occurred()) return;
  state.counters["input_bytes"] = static_cast<double>(input_bytes);
  state.counters["output_bytes"] = static_cast<double>(output_bytes);
  state.counters["pages"] = pages;
  state.counters["pieces_accepted"] = accepted;
  // Rates divide by real time here (UseRealTime): dossiers per second on one core.
  state.counters["dossiers_per_s"] =
      benchmark::Counter(1, benchmark::Counter::kIsIterationInvariantRate);
}

}  // namespace

void RegisterReferenceDossierBenchmarks() {
  // Built once and kept for the life of the process: the benchmarks hold
  // pointers into it. Time is wall clock (UseRealTime); the CPU column is the
  // whole process's (MeasureProcessCPUTime), libvips' worker thread included,
  // so CPU close to Time means one core busy, CPU above Time more than one.
  static const std::vector<BenchPiece> pieces = LoadReferenceDossier();
  benchmark::RegisterBenchmark("ReferenceDossier/whole_dossier", BM_WholeDossier, &pieces)
      ->Unit(benchmark::kMillisecond)
      ->MeasureProcessCPUTime()
      ->UseRealTime();
  for (const BenchPiece& piece : pieces) {
    benchmark::RegisterBenchmark(("ReferenceDossier/piece:" + piece.code).c_str(), BM_Piece, &piece)
        ->Unit(benchmark::kMillisecond)
        ->MeasureProcessCPUTime()
        ->UseRealTime();
  }
}

}  // namespace dossier::bench
