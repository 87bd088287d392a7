// dossier-bench: the Google Benchmark binary. Replaces BENCHMARK_MAIN() to
// start libvips once for the process and hold it to one thread, so that the
// figures are per core: `dossierd` scales by running one pièce per worker
// thread, not by spreading one pièce over the cores.

#include <benchmark/benchmark.h>

#include <cstdio>
#include <exception>
#include <vips/vips8>

#include "bench/IneCheckBench.h"
#include "bench/ReferenceDossierBench.h"
#include "processors/image/VipsSession.h"
#include "processors/ine/OpenMpThreadLimit.h"

int main(int argc, char** argv) {
  dossier::EnsureOpenMpThreadLimit(argv);
  try {
    dossier::VipsSession vips(argv[0]);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    // The fixtures are generated with libvips' default threading (not
    // measured), the benchmarks run on one thread.
    dossier::bench::RegisterReferenceDossierBenchmarks();
    dossier::bench::RegisterIneCheckBenchmarks();
    vips_concurrency_set(1);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
  } catch (const std::exception& error) {
    std::fprintf(stderr, "dossier-bench: %s\n", error.what());
    return 1;
  }
  return 0;
}
