#pragma once

#include <string>
#include <vector>

namespace dossier {

// `dossier process`: runs the pipeline on FILE... in a limited child process,
// prints the JSON report on stdout, writes OUT.pdf when accepted. Returns the
// exit code: 0 accepted, 3 refused, 1 internal error, 2 usage.
int RunProcessCommand(const std::vector<std::string>& args);

}  // namespace dossier
