#include "server/auth/TokenKeyFiles.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "server/auth/TokenSecret.h"
#include "store/blobs/BlobStore.h"

namespace dossier {
namespace {

// Readers see the old file or the new one, never half of one.
void ReplaceFile(const std::string& path, const std::string& content) {
  std::string temporary = path + ".tmp";
  int fd = open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) throw TokenSecretError("cannot create " + temporary + ": " + std::strerror(errno));
  bool ok = write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size()) &&
            fsync(fd) == 0;
  close(fd);
  if (!ok || std::rename(temporary.c_str(), path.c_str()) != 0) {
    unlink(temporary.c_str());
    throw TokenSecretError("cannot write " + path + ": " + std::strerror(errno));
  }
}

}  // namespace

TokenKeys LoadTokenKeys(const std::string& data_dir) {
  TokenKeys keys(LoadOrCreateTokenSecret(data_dir));
  std::ifstream in(data_dir + "/secret.previous");
  std::string previous, retired_at;
  if (!in || !std::getline(in, previous) || !std::getline(in, retired_at)) return keys;
  try {
    keys.retired_at = std::stoll(retired_at);
  } catch (const std::exception&) {
    throw TokenSecretError(data_dir + "/secret.previous: no retirement time on its second line");
  }
  if (previous.size() >= 32) keys.previous = previous;
  return keys;
}

TokenKeys RotateTokenKey(const std::string& data_dir, std::int64_t now) {
  std::string retired = LoadOrCreateTokenSecret(data_dir);
  ReplaceFile(data_dir + "/secret.previous", retired + "\n" + std::to_string(now) + "\n");
  TokenKeys keys(RandomHex(32));
  ReplaceFile(data_dir + "/secret", keys.current);
  keys.previous = retired;
  keys.retired_at = now;
  return keys;
}

}  // namespace dossier
