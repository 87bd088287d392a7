#pragma once

#include <string>

namespace dossier {

// A private directory for a confined child's temporary files (libvips
// spills large images to TMPDIR), made before the fork under `parent`
// ($TMPDIR or /tmp when empty), mode 0700, and removed with whatever the
// child left in it, even when the child was killed. A parent killed by
// SIGKILL leaves it behind, for the system's temporary-files cleaning.
class ScratchDirectory {
 public:
  explicit ScratchDirectory(const std::string& parent);
  ~ScratchDirectory();
  ScratchDirectory(const ScratchDirectory&) = delete;
  ScratchDirectory& operator=(const ScratchDirectory&) = delete;

  const std::string& path() const { return path_; }  // "" when it could not be made

 private:
  std::string path_;
};

}  // namespace dossier
