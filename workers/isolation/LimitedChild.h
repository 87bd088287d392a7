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
  std::size_t max_output_bytes = 64u << 20;        // what the child may send back
  std::chrono::milliseconds tick_interval{1'000};  // how often `keep_running` is asked
};

struct ChildResult {
  // Cancelled: `keep_running` said no and the child was killed.
  enum class End { Exited, Signalled, TimedOut, ForkFailed, Cancelled };
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
// `body` relies on (libvips is initialised inside the child; a caller that
// ran libvips operations itself leaves a child whose libvips waits forever
// for threads that fork did not copy).
// While the child runs, `keep_running` (when given) is called about every
// limits.tick_interval, in the caller: a worker renews its lease there, and
// returns false to have the child killed (lease lost, shutdown).
ChildResult RunLimitedChild(const std::function<int(int output_fd)>& body,
                            const ChildLimits& limits,
                            const std::function<bool()>& keep_running = nullptr);

// "SIGSEGV", "SIGKILL", …
std::string SignalName(int signal);

}  // namespace dossier
