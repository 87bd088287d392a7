#pragma once

#include <vector>

namespace dossier {

// Closes every descriptor but 0, 1, 2 and `kept`: a forked child holds
// copies of its parent's database connections and listening sockets, which
// a compromised parser could otherwise use.
void CloseDescriptorsBut(std::vector<int> kept);

}  // namespace dossier
