#pragma once

#include <string>

namespace dossier {

// Writes all of `bytes` on the child's report channel (the descriptor the
// child's body is given) or on a file, through partial writes and EINTR.
// False when the reader is gone or the write failed (errno says why).
bool WriteAll(int fd, const std::string& bytes);

}  // namespace dossier
