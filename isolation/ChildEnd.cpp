#include "isolation/ChildEnd.h"

#include <string.h>

namespace dossier {

std::string SignalName(int signal) {
  const char* abbrev = sigabbrev_np(signal);
  return abbrev ? std::string("SIG") + abbrev : "signal " + std::to_string(signal);
}

std::string DescribeChildEnd(const ChildResult& result, const ChildLimits& limits) {
  switch (result.end) {
    case ChildResult::End::Exited:
      return "exit " + std::to_string(result.exit_code);
    case ChildResult::End::Signalled:
      return SignalName(result.signal);
    case ChildResult::End::TimedOut:
      return "timed out after " +
             std::to_string(
                 std::chrono::duration_cast<std::chrono::seconds>(limits.wall_time).count()) +
             " s";
    case ChildResult::End::Cancelled:
      return "cancelled";
    case ChildResult::End::ForkFailed:
      break;
  }
  return "not started";
}

}  // namespace dossier
