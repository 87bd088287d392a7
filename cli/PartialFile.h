#pragma once

#include <string>

namespace dossier {

// A file the command line writes durably: a temp file beside OUT (same file
// system, so the rename is atomic), fsynced, renamed over OUT by Publish(),
// the directory synced after. Removed unless published.
class PartialFile {
 public:
  explicit PartialFile(const std::string& output);
  ~PartialFile();
  PartialFile(const PartialFile&) = delete;
  PartialFile& operator=(const PartialFile&) = delete;

  int fd() const { return fd_; }
  // Writes all of `bytes` and fsyncs; false on any failure.
  bool WriteAndSync(const std::string& bytes);
  // Throws std::runtime_error naming OUT when the rename fails.
  void Publish();

 private:
  std::string output_;
  std::string path_;
  int fd_ = -1;
  bool published_ = false;
};

}  // namespace dossier
