#pragma once

#include <string>
#include <vector>

namespace dossier {

// The entries ("NAME=value") of `environment` a child parsing documents may
// keep: what the libraries read (locale, time zone, OMP_THREAD_LIMIT, the
// fontconfig, tessdata and libvips settings, PATH, HOME) and the test hooks
// (DOSSIER_FAULT_*). Everything else goes, DOSSIER_DB and any URL,
// password or token with it: an allow-list, so a secret added tomorrow
// under a new name is not passed on either.
std::vector<std::string> KeptEnvironment(char** environment);

// Replaces the calling process' environment by KeptEnvironment(environ),
// with TMPDIR set to `tmpdir` when it is not empty. For a freshly forked,
// single-threaded child only.
void ScrubEnvironment(const std::string& tmpdir);

}  // namespace dossier
