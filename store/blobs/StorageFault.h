#pragma once

#include <cerrno>

namespace dossier {

// The disk is full (ENOSPC), over its quota (EDQUOT), failing (EIO) or
// remounted read-only after errors (EROFS): the service's fault, never the
// document's. A job that meets one is put back to wait for space, at no cost
// to the candidate.
inline bool IsStorageFault(int error_number) {
  return error_number == ENOSPC || error_number == EDQUOT || error_number == EIO ||
         error_number == EROFS;
}

}  // namespace dossier
