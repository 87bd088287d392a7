#pragma once

namespace dossier {

// libvips for the life of a process that parses documents: initialised once,
// operation cache off (a worker sees each file once; a cache only holds
// memory), shut down at the end. libvips state is process-wide by design, so
// create one of these at the top of main() or of a worker child, not per call.
class VipsSession {
 public:
  explicit VipsSession(const char* program_name);
  ~VipsSession();
  VipsSession(const VipsSession&) = delete;
  VipsSession& operator=(const VipsSession&) = delete;
};

}  // namespace dossier
