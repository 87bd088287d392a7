// Google Benchmark of the pipeline on the reference dossier
// (docs/ARCHITECTURE.md), without OCR: each of the five pièces alone, and the
// whole dossier (the five in sequence), the unit of throughput.
#pragma once

namespace dossier::bench {

// Builds the reference dossier in memory (seconds: it renders and encodes
// the scans) and registers its benchmarks. Call once from main(), after
// libvips is started and before RunSpecifiedBenchmarks().
void RegisterReferenceDossierBenchmarks();

}  // namespace dossier::bench
