#pragma once

#include <string>
#include <vector>

namespace dossier {

// `dossier process`: runs the pipeline on FILE... in a limited child process,
// prints the JSON report on stdout, writes OUT.pdf when accepted. Returns the
// exit code: 0 accepted, 3 refused, 1 internal error, 2 usage.
// `argv` is the program's own, to re-execute it once with
// OMP_THREAD_LIMIT=1 when the INE check will run Tesseract.
int RunProcessCommand(const std::vector<std::string>& args, char** argv);

}  // namespace dossier
