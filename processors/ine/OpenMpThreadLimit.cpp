#include "processors/ine/OpenMpThreadLimit.h"

#include <unistd.h>

#include <cstdlib>

namespace dossier {

void EnsureOpenMpThreadLimit(char** argv) {
  if (std::getenv("OMP_THREAD_LIMIT")) return;
  setenv("OMP_THREAD_LIMIT", "1", 1);
  execv("/proc/self/exe", argv);
  // Not re-executed (no /proc): carry on, slower but correct.
}

}  // namespace dossier
