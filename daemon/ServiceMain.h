#pragma once

#include <functional>
#include <string>
#include <vector>

#include "daemon/DaemonOptions.h"

namespace dossier {

// The main of dossierd and of dossier-worker: --help prints `usage`;
// otherwise the options are parsed and `run` runs with them. What escapes
// becomes one line on stderr, prefixed with `program`, and the exit code:
// 2 for a bad command line, a bad database URL or a bad policy (with
// `usage` after a bad flag), 1 for a database or any other error.
int RunServiceMain(const char* program, const char* usage, const std::vector<std::string>& args,
                   const std::function<int(const DaemonOptions&)>& run);

}  // namespace dossier
