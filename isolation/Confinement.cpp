#include "isolation/Confinement.h"

#include <stdexcept>

#include "isolation/CloseDescriptors.h"
#include "isolation/FileSystemView.h"
#include "isolation/NetworkNamespace.h"
#include "isolation/NoNewPrivs.h"
#include "isolation/ScrubEnvironment.h"
#include "isolation/SyscallFilter.h"

namespace dossier {

ConfinementLayers Confine(const Confinement& confinement, int report_fd,
                          const std::string& scratch_dir) {
  ConfinementLayers layers;
  layers.no_new_privs = SetNoNewPrivs();
  if (!layers.no_new_privs) throw std::runtime_error("PR_SET_NO_NEW_PRIVS refused");
  std::vector<int> kept = confinement.kept_fds;
  kept.push_back(report_fd);
  CloseDescriptorsBut(kept);
  ScrubEnvironment(scratch_dir);
  // Before the filter, which denies unshare.
  layers.own_network = EnterOwnNetwork();
  layers.file_system = RestrictFileSystem(confinement, scratch_dir);
  DenyDangerousSyscalls();
  layers.syscall_filter = true;
  return layers;
}

}  // namespace dossier
