#pragma once

#include <string>
#include <vector>

#include "core/input/InputFile.h"

namespace dossier {

// Fault injection for tests: DOSSIER_FAULT_ESCAPE_MARKER is set and
// non-empty and one of the files' bytes contains it. The child then plays a
// parser taken over by a hostile document (ProbeEscapes), says what it
// reached on its report channel, and crashes.
bool CarriesEscapeMarker(const std::vector<InputFile>& files);

// Tries what a compromised parser would: read the file named by
// DOSSIER_FAULT_ESCAPE_SECRET (the token secret), connect to the Unix
// socket named by DOSSIER_FAULT_ESCAPE_SOCKET (the database) and to
// 127.0.0.1 on the port DOSSIER_FAULT_ESCAPE_PORT, and execute /bin/sh.
// Returns one line, "escape: secret=blocked (EACCES) socket=blocked (EPERM)
// tcp=blocked (EPERM) exec=blocked (EPERM)", with "reached" for each that
// succeeded.
std::string ProbeEscapes();

}  // namespace dossier
