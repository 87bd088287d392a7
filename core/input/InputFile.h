#pragma once

#include <string>

namespace dossier {

// One file as the candidate uploaded it. The name is data for messages and
// reports, never a path.
struct InputFile {
  std::string name;
  std::string bytes;
};

}  // namespace dossier
