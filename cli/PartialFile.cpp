#include "cli/PartialFile.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstdio>
#include <stdexcept>

#include "isolation/ReportChannel.h"

namespace dossier {
namespace {

std::string DirectoryOf(const std::string& path) {
  std::size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
}

// The rename survives a crash only once the directory is synced too.
void SyncDirectory(const std::string& path) {
  int fd = open(DirectoryOf(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  fsync(fd);
  close(fd);
}

}  // namespace

PartialFile::PartialFile(const std::string& output) : output_(output) {
  std::string pattern = output + ".partial-XXXXXX";
  fd_ = mkostemp(pattern.data(), O_CLOEXEC);
  if (fd_ < 0) throw std::runtime_error("cannot create a file beside " + output);
  path_ = pattern;
}

PartialFile::~PartialFile() {
  if (fd_ >= 0) close(fd_);
  if (!published_) unlink(path_.c_str());
}

bool PartialFile::WriteAndSync(const std::string& bytes) {
  return WriteAll(fd_, bytes) && fsync(fd_) == 0;
}

void PartialFile::Publish() {
  close(fd_);
  fd_ = -1;
  if (std::rename(path_.c_str(), output_.c_str()) != 0)
    throw std::runtime_error("cannot write " + output_);
  published_ = true;
  SyncDirectory(output_);
}

}  // namespace dossier
