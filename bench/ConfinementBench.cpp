// What confinement costs a job: fork, limits, confinement and exit of a child
// that does nothing, with and without Confine; then the confinement step
// alone and its costly layers, timed inside the child. The fork itself grows
// with the parent's memory (this benchmark's process holds the reference
// dossier, as a worker holds Tesseract): the in-child rows are what
// confinement adds whatever the parent. The target is under 5 ms per job,
// against a pièce's 0.1 to 1 s.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "isolation/Confinement.h"
#include "isolation/FileSystemView.h"
#include "isolation/LimitedChild.h"
#include "isolation/NetworkNamespace.h"
#include "isolation/NoNewPrivs.h"
#include "isolation/ReportChannel.h"
#include "isolation/SyscallFilter.h"

namespace dossier::bench {
namespace {

using Clock = std::chrono::steady_clock;

double MillisSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values.empty() ? 0 : values[values.size() / 2];
}

// The parent's resident memory, which the fork copies page tables of.
double ResidentMegabytes() {
  std::ifstream statm("/proc/self/statm");
  double pages = 0, resident = 0;
  statm >> pages >> resident;
  return resident * static_cast<double>(sysconf(_SC_PAGESIZE)) / 1e6;
}

// Times each child from fork to reaping and reports the median, which one
// slow network-namespace teardown does not move.
void BM_EmptyChild(benchmark::State& state, bool confined) {
  ChildLimits limits;
  if (confined) limits.confinement = Confinement{};
  std::vector<double> ms;
  for (auto _ : state) {
    Clock::time_point start = Clock::now();
    ChildResult result = RunLimitedChild([](int) { return 0; }, limits);
    ms.push_back(MillisSince(start));
    if (result.end != ChildResult::End::Exited || result.exit_code != 0) {
      state.SkipWithError(("the child failed: " + result.output).c_str());
      return;
    }
  }
  state.counters["median_ms"] = Median(ms);
  state.counters["parent_rss_mb"] = ResidentMegabytes();
}

// Times `step` inside a bare child, which sends its milliseconds back.
void BM_ConfineStep(benchmark::State& state, void (*step)(int report_fd)) {
  std::vector<double> ms;
  for (auto _ : state) {
    ChildResult result = RunLimitedChild(
        [step](int fd) {
          Clock::time_point start = Clock::now();
          step(fd);
          return WriteAll(fd, std::to_string(MillisSince(start))) ? 0 : 1;
        },
        ChildLimits{});
    if (result.end != ChildResult::End::Exited || result.exit_code != 0) {
      state.SkipWithError(("the step failed: " + result.output).c_str());
      return;
    }
    ms.push_back(std::atof(result.output.c_str()));
  }
  state.counters["median_ms"] = Median(ms);
}

void AllLayers(int fd) {
  Confine(Confinement{}, fd, "");
}

void NetworkNamespaceLayer(int) {
  EnterOwnNetwork();  // measured where permitted; a refusal costs a syscall
}

void SyscallFilterLayer(int) {
  SetNoNewPrivs();
  DenyDangerousSyscalls();
}

void FileSystemViewLayer(int) {
  SetNoNewPrivs();
  RestrictFileSystem(Confinement{}, "");
}

void Row(benchmark::internal::Benchmark* row) {
  row->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(200);
}

[[maybe_unused]] const bool kRegistered = [] {
  Row(benchmark::RegisterBenchmark("EmptyChild/unconfined", BM_EmptyChild, false));
  Row(benchmark::RegisterBenchmark("EmptyChild/confined", BM_EmptyChild, true));
  Row(benchmark::RegisterBenchmark("ConfineStep/all_layers", BM_ConfineStep, AllLayers));
  Row(benchmark::RegisterBenchmark("ConfineStep/network_namespace", BM_ConfineStep,
                                   NetworkNamespaceLayer));
  Row(benchmark::RegisterBenchmark("ConfineStep/syscall_filter", BM_ConfineStep,
                                   SyscallFilterLayer));
  Row(benchmark::RegisterBenchmark("ConfineStep/file_system_view", BM_ConfineStep,
                                   FileSystemViewLayer));
  return true;
}();

}  // namespace
}  // namespace dossier::bench
