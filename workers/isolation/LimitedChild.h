#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

namespace dossier {

// What a child parsing untrusted documents may use. A real pièce needs a
// fraction of each.
struct ChildLimits {
  std::chrono::milliseconds wall_time{60'000};
  int cpu_seconds = 60;
  std::uint64_t address_space_bytes = 2ull << 30;
  std::size_t max_output_bytes = 64u << 20;  // what the child may send back
};

struct ChildResult {
  enum class End { Exited, Signalled, TimedOut, ForkFailed };
  End end = End::ForkFailed;
  int exit_code = -1;  // when Exited
  int signal = 0;      // when Signalled (SIGSEGV, SIGKILL from the kernel, …)
  std::string output;  // bytes the child wrote to its output descriptor
  double elapsed_ms = 0;
};

// Runs `body` in a forked child under setrlimit (address space, CPU) and a
// wall-clock deadline, and returns how it ended and what it wrote to the file
// descriptor it is given. A crash or a hang of the child is a result here,
// never a crash of the caller. The caller must not have started threads that
// `body` relies on (libvips is initialised inside the child).
ChildResult RunLimitedChild(const std::function<int(int output_fd)>& body,
                            const ChildLimits& limits);

// "SIGSEGV", "SIGKILL", …
std::string SignalName(int signal);

}  // namespace dossier
