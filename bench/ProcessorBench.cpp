#include "bench/ProcessorBench.h"

#include <algorithm>
#include <cstdint>
#include <exception>
#include <iterator>
#include <stdexcept>
#include <utility>

#include "core/sniff/Sniff.h"
#include "processors/pdf/QuietPodofo.h"
#include "tests/fixtures/ReferenceDossier.h"
#include "workflow/policy/PiecePolicy.h"

namespace dossier::bench {
namespace {

// Every pièce of the reference dossier has a 2 Mo limit (docs/ARCHITECTURE.md).
constexpr std::uint64_t kReferenceMaxBytes = 2'000'000;

void CheckLayout(const std::vector<fixtures::PieceFiles>& dossier) {
  const std::size_t expected = std::size(kReferenceLayout);
  if (dossier.size() != expected)
    throw std::runtime_error("reference dossier has " + std::to_string(dossier.size()) +
                             " pièces, the benchmarks expect " + std::to_string(expected));
  for (std::size_t i = 0; i < expected; ++i) {
    const PieceLayout& layout = kReferenceLayout[i];
    if (dossier[i].code != layout.code ||
        dossier[i].files.size() != static_cast<std::size_t>(layout.file_count))
      throw std::runtime_error("reference pièce " + dossier[i].code + " with " +
                               std::to_string(dossier[i].files.size()) +
                               " files does not match kReferenceLayout");
  }
}

ReferencePiece ToReferencePiece(fixtures::PieceFiles&& built, const PiecePolicy& policy) {
  ReferencePiece piece;
  piece.code = built.code;
  piece.rules = policy.RulesFor(built.code);
  piece.rules.max_bytes = kReferenceMaxBytes;
  for (fixtures::FixtureFile& file : built.files) {
    piece.kinds.push_back(Sniff(file.bytes).kind);
    piece.files.push_back({std::move(file.name), std::move(file.bytes)});
  }
  return piece;
}

std::vector<ReferencePiece> BuildReferencePieces() {
  QuietPodofo();  // as ProcessPiece does: PoDoFo's log lines are not the benchmark's output
  std::vector<fixtures::PieceFiles> dossier = fixtures::BuildReferenceDossier();
  CheckLayout(dossier);
  const PiecePolicy policy = PiecePolicy::BuiltIn();
  std::vector<ReferencePiece> pieces;
  for (fixtures::PieceFiles& built : dossier)
    pieces.push_back(ToReferencePiece(std::move(built), policy));
  return pieces;
}

// Built once; a failure is kept and reported by every row that needs it.
struct ReferenceDossierOnce {
  std::vector<ReferencePiece> pieces;
  std::string error;
};

const ReferenceDossierOnce& LoadOnce() {
  static const ReferenceDossierOnce once = [] {
    ReferenceDossierOnce loaded;
    try {
      loaded.pieces = BuildReferencePieces();
    } catch (const std::exception& error) {
      loaded.error = std::string("building the reference dossier: ") + error.what();
    }
    return loaded;
  }();
  return once;
}

}  // namespace

const ReferencePiece* FindReferencePiece(benchmark::State& state, const std::string& code) {
  const ReferenceDossierOnce& dossier = LoadOnce();
  if (!dossier.error.empty()) {
    state.SkipWithError(dossier.error.c_str());
    return nullptr;
  }
  for (const ReferencePiece& piece : dossier.pieces)
    if (piece.code == code) return &piece;
  state.SkipWithError(("no pièce " + code + " in the reference dossier").c_str());
  return nullptr;
}

std::string FileRowName(const std::string& processor, const std::string& code, int position) {
  return processor + "/" + code + "/" + std::to_string(position);
}

void TimeLikePipeline(benchmark::internal::Benchmark* row, benchmark::TimeUnit unit) {
  row->Unit(unit)->MeasureProcessCPUTime()->UseRealTime();
}

void RegisterPerFile(const std::string& processor, const std::vector<std::string>& codes,
                     FileBenchmark run, benchmark::TimeUnit unit) {
  for (const PieceLayout& piece : kReferenceLayout) {
    if (!codes.empty() && std::find(codes.begin(), codes.end(), piece.code) == codes.end())
      continue;
    for (int position = 1; position <= piece.file_count; ++position) {
      TimeLikePipeline(
          benchmark::RegisterBenchmark(FileRowName(processor, piece.code, position).c_str(), run,
                                       std::string(piece.code), position),
          unit);
    }
  }
}

}  // namespace dossier::bench
