#pragma once

#include <string>

namespace dossier {

// How a limited child ended, and what it wrote on its report channel.
struct ChildResult {
  // ForkFailed: no child ran. Cancelled: `keep_running` said no and the child
  // was killed.
  enum class End { Exited, Signalled, TimedOut, ForkFailed, Cancelled };
  End end = End::ForkFailed;
  int exit_code = -1;  // when Exited
  int signal = 0;      // when Signalled (SIGSEGV, SIGKILL from the kernel, …)
  std::string output;  // bytes the child wrote to its report channel
  double elapsed_ms = 0;
};

}  // namespace dossier
