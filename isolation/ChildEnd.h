#pragma once

#include <string>

#include "isolation/ChildLimits.h"
#include "isolation/ChildResult.h"

namespace dossier {

// "SIGSEGV", "SIGKILL", …
std::string SignalName(int signal);

// How the child ended, for a log or an error: "exit 3", "SIGKILL",
// "timed out after 120 s", "cancelled", "not started".
std::string DescribeChildEnd(const ChildResult& result, const ChildLimits& limits);

}  // namespace dossier
