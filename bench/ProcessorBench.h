// Shared by the per-processor benchmarks (SniffBench.cpp, ImagePageBench.cpp,
// DownsampleBench.cpp, MergeBench.cpp, FitBench.cpp): the reference dossier's
// files, built once per process, and how their rows are named and timed.
//
// These benchmarks register themselves when the program starts (before
// libvips is), so they cannot build the dossier then: they register one row
// per file of the layout below, and the files are built on the first run of
// any of them, outside the timed loop. A run that filters them all out pays
// nothing.
#pragma once

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "core/input/InputFile.h"
#include "core/report/PieceRules.h"
#include "core/sniff/FileKind.h"
#include "processors/core/HardLimits.h"

namespace dossier::bench {

// One pièce of the reference dossier: its files in upload order, what each
// was sniffed as, and the rules the built-in policy gives its code (2 Mo).
struct ReferencePiece {
  std::string code;
  std::vector<InputFile> files;
  std::vector<FileKind> kinds;
  PieceRules rules;
};

// How many files each pièce has (tests/fixtures/ReferenceDossier.h): rows
// are registered from this, and the built dossier is checked against it.
struct PieceLayout {
  const char* code;
  int file_count;
};
inline constexpr PieceLayout kReferenceLayout[] = {
    {"cv", 1}, {"lettre_motivation", 1}, {"releve_bac", 1}, {"bulletins", 3}, {"identite", 2}};

// The limits production runs with.
inline const HardLimits kProductionLimits{};

// The pièce `code` of the reference dossier, built on first use. On failure
// (or a code that is not there) marks `state` with the reason and returns
// nullptr: the caller returns at once.
const ReferencePiece* FindReferencePiece(benchmark::State& state, const std::string& code);

// "<processor>/<code>/<position>", position 1-based in upload order, as
// `dossier-fixtures reference DIR` numbers the files on disk.
std::string FileRowName(const std::string& processor, const std::string& code, int position);

// A benchmark of one file: the pièce's code and the file's 1-based position.
using FileBenchmark = void (*)(benchmark::State& state, const std::string& code, int position);

// Registers "<processor>/<code>/<position>" for every file of the pièces
// `codes` (all of them when empty), in the dossier's order, timed like the
// pipeline in `unit`.
void RegisterPerFile(const std::string& processor, const std::vector<std::string>& codes,
                     FileBenchmark run, benchmark::TimeUnit unit);

// Wall clock per iteration (UseRealTime), CPU of the whole process
// (MeasureProcessCPUTime), in `unit`: the same reading as the pipeline rows.
void TimeLikePipeline(benchmark::internal::Benchmark* row, benchmark::TimeUnit unit);

}  // namespace dossier::bench
