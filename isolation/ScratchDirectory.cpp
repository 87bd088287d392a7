#include "isolation/ScratchDirectory.h"

#include <stdlib.h>

#include <filesystem>
#include <system_error>

namespace dossier {

ScratchDirectory::ScratchDirectory(const std::string& parent) {
  std::string base = parent;
  if (base.empty()) {
    const char* tmpdir = std::getenv("TMPDIR");
    base = tmpdir && *tmpdir ? tmpdir : "/tmp";
  }
  std::string pattern = base + "/dossier-child-XXXXXX";
  if (mkdtemp(pattern.data())) path_ = pattern;
}

ScratchDirectory::~ScratchDirectory() {
  if (path_.empty()) return;
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

}  // namespace dossier
