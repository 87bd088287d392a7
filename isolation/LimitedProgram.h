#pragma once

#include <string>
#include <vector>

#include "isolation/ChildLimits.h"
#include "isolation/ChildResult.h"

namespace dossier {

// Runs `argv[0]` (a path; no shell, no PATH search) with `argv` in its own
// process group, stdin from /dev/null, stdout and stderr interleaved as the
// result's output (up to limits.max_output_bytes), no inherited descriptor
// beyond them, the environment cut to KeptEnvironment (no database URL, no
// secret), PR_SET_NO_NEW_PRIVS, and setrlimit (address space, CPU, no core)
// applied between fork and exec; the whole group is killed at the
// wall-clock deadline. The program confines itself further (a seccomp
// filter that forbids exec cannot be set before exec): `dossier assemble`
// does its work in a confined child. limits.confinement is not used here.
// Safe to call from a multi-threaded server: everything is prepared before
// fork, and the child only makes async-signal-safe calls before exec.
// Exit 127: the program could not be executed. Throws
// std::invalid_argument for an empty argv.
ChildResult RunLimitedProgram(const std::vector<std::string>& argv, const ChildLimits& limits);

}  // namespace dossier
