#include "isolation/NoNewPrivs.h"

#include <sys/prctl.h>

namespace dossier {

bool SetNoNewPrivs() {
  return prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0;
}

}  // namespace dossier
