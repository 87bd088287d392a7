#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace dossier {

// Bounds for a program run on the candidates' documents.
struct ProgramLimits {
  std::chrono::milliseconds wall_time{120'000};  // then the whole process group is killed
  int cpu_seconds = 60;
  std::uint64_t address_space_bytes = 2ull << 30;
  std::size_t max_output_bytes = 64u << 10;  // of stdout + stderr kept
};

struct ProgramResult {
  enum class End { Exited, Signalled, TimedOut, NotStarted };
  End end = End::NotStarted;
  int exit_code = -1;  // when Exited (127: the program could not be executed)
  int signal = 0;      // when Signalled
  std::string output;  // stdout and stderr, interleaved, up to max_output_bytes
};

// Runs `argv[0]` (a path; no shell, no PATH search) with `argv` in its own
// process group, stdin from /dev/null, no inherited descriptor beyond the
// output pipe, under setrlimit (address space, CPU, no core) applied between
// fork and exec, and kills the group at the wall-clock deadline. Safe to call
// from a multi-threaded server: the child only makes async-signal-safe calls
// before exec. Throws std::invalid_argument for an empty argv.
ProgramResult RunLimitedProgram(const std::vector<std::string>& argv, const ProgramLimits& limits);

// "exit 3", "SIGKILL", "timed out after 120 s", "not started".
std::string DescribeEnd(const ProgramResult& result, const ProgramLimits& limits);

}  // namespace dossier
