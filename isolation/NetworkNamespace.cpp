#include "isolation/NetworkNamespace.h"

#include <sched.h>

namespace dossier {

bool EnterOwnNetwork() {
  return unshare(CLONE_NEWNET) == 0;
}

}  // namespace dossier
