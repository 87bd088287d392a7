#pragma once

#include "isolation/Confinement.h"

namespace dossier {

// The Landlock ABI version of the running kernel, 0 when it has none (or
// it is disabled).
int LandlockAbi();

// Restricts the calling (single-threaded) process' view of the file system
// with Landlock: read-only the libraries and their data (/usr, /lib*,
// fontconfig's configuration and cache, tessdata, ld.so.cache, /dev/null,
// /dev/urandom, the CPU list), read-only `confinement.read_paths`, files
// created, written, truncated and removed but never read in
// `confinement.write_dirs`, everything in `scratch_dir`. Nothing is
// executable. From ABI 4 TCP bind and connect are denied too, and from
// ABI 6 signals to processes outside the domain and abstract Unix sockets.
// Landlock also forbids ptrace of, and thereby /proc/PID/mem or environ of,
// the processes outside the domain. False (nothing applied) when the kernel
// has no Landlock; throws std::runtime_error when it has one but refuses.
bool RestrictFileSystem(const Confinement& confinement, const std::string& scratch_dir);

}  // namespace dossier
