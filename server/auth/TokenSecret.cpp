#include "server/auth/TokenSecret.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "store/blobs/BlobStore.h"

namespace dossier {

std::string LoadOrCreateTokenSecret(const std::string& data_dir) {
  std::string path = data_dir + "/secret";
  mkdir(data_dir.c_str(), 0750);
  // O_EXCL: two processes starting together agree on the first one written.
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0) {
    std::string secret = RandomHex(32);
    bool ok = write(fd, secret.data(), secret.size()) == static_cast<ssize_t>(secret.size()) &&
              fsync(fd) == 0;
    close(fd);
    if (!ok) {
      unlink(path.c_str());
      throw TokenSecretError("cannot write " + path + ": " + std::strerror(errno));
    }
    return secret;
  }
  if (errno != EEXIST)
    throw TokenSecretError("cannot create " + path + ": " + std::strerror(errno));
  for (int tries = 0; tries < 50; ++tries) {
    std::ifstream in(path);
    std::string secret;
    std::getline(in, secret);
    if (secret.size() >= 32) return secret;
    usleep(20000);  // the writer is between open and write
  }
  throw TokenSecretError(path + " is empty or too short");
}

}  // namespace dossier
