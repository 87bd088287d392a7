#include "isolation/CloseDescriptors.h"

#include <unistd.h>

#include <algorithm>

namespace dossier {

void CloseDescriptorsBut(std::vector<int> kept) {
  std::sort(kept.begin(), kept.end());
  unsigned first = 3;  // the first descriptor not known to be kept
  for (int fd : kept) {
    if (fd < static_cast<int>(first)) continue;
    if (static_cast<unsigned>(fd) > first) close_range(first, static_cast<unsigned>(fd) - 1, 0);
    first = static_cast<unsigned>(fd) + 1;
  }
  close_range(first, ~0U, 0);
}

}  // namespace dossier
