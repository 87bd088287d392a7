#include "store/blobs/BlobStore.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fstream>
#include <memory>

namespace dossier {
namespace {

// Keeps the errno with the message: a full disk must be told from a bad key.
[[noreturn]] void ThrowFailed(const std::string& what, int error_number) {
  throw BlobError(what + ": " + std::strerror(error_number), error_number);
}

void MakeDirs(const std::string& path) {
  std::string prefix;
  std::size_t at = 0;
  while (at != std::string::npos) {
    at = path.find('/', at + 1);
    prefix = path.substr(0, at);
    if (prefix.empty()) continue;
    if (mkdir(prefix.c_str(), 0750) != 0 && errno != EEXIST)
      ThrowFailed("cannot create " + prefix, errno);
  }
}

std::string Parent(const std::string& path) {
  return path.substr(0, path.find_last_of('/'));
}

void SyncDirectory(const std::string& dir) {
  int fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) ThrowFailed("cannot open " + dir, errno);
  int error_number = fsync(fd) == 0 ? 0 : errno;
  close(fd);
  if (error_number != 0) ThrowFailed("cannot sync " + dir, error_number);
}

bool ValidKey(const std::string& key) {
  if (key.empty() || key.size() > 128 || key.find("..") != std::string::npos) return false;
  if (key.rfind("files/", 0) != 0 && key.rfind("results/", 0) != 0) return false;
  return key.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789/.") == std::string::npos;
}

}  // namespace

std::string RandomHex(std::size_t bytes) {
  std::string raw(bytes, '\0');
  std::size_t got = 0;
  while (got < bytes) {
    ssize_t n = getrandom(raw.data() + got, bytes - got, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw BlobError(std::string("getrandom: ") + std::strerror(errno));
    got += static_cast<std::size_t>(n);
  }
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned char c : raw) {
    hex += kHex[c >> 4];
    hex += kHex[c & 15];
  }
  return hex;
}

BlobStore::BlobStore(std::string data_dir) : data_dir_(std::move(data_dir)) {
  while (data_dir_.size() > 1 && data_dir_.back() == '/') data_dir_.pop_back();
  for (const char* area : {"/files", "/results", "/tmp"}) MakeDirs(data_dir_ + area);
}

std::string BlobStore::NewKey(const std::string& area) const {
  std::string hex = RandomHex();
  return area + "/" + hex.substr(0, 2) + "/" + hex;
}

std::string BlobStore::PathOf(const std::string& key) const {
  if (!ValidKey(key)) throw BlobError("invalid storage key \"" + key + "\"");
  return data_dir_ + "/" + key;
}

std::string BlobStore::TempPath() const {
  return data_dir_ + "/tmp/" + RandomHex() + ".part";
}

std::uint64_t BlobStore::FreeBytes() const {
  struct statvfs info {};
  if (statvfs(data_dir_.c_str(), &info) != 0) return 0;
  return static_cast<std::uint64_t>(info.f_bavail) * info.f_frsize;
}

std::string BlobStore::Read(const std::string& key) const {
  std::string path = PathOf(key);
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) throw BlobError("missing blob " + key);
  std::string bytes(static_cast<std::size_t>(in.tellg()), '\0');
  in.seekg(0);
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!in) throw BlobError("cannot read blob " + key);
  return bytes;
}

void BlobStore::WriteDurably(const std::string& key, const std::string& bytes) const {
  BlobWriter writer(*this, key);
  writer.Write(bytes.data(), bytes.size());
  writer.Finish();
}

void BlobStore::Publish(const std::string& temp_path, const std::string& key) const {
  std::string path = PathOf(key);
  MakeDirs(Parent(path));
  if (rename(temp_path.c_str(), path.c_str()) != 0)
    ThrowFailed("cannot move " + temp_path + " to " + key, errno);
  SyncDirectory(Parent(path));
}

void BlobStore::Remove(const std::string& key) const {
  unlink(PathOf(key).c_str());
}

int BlobStore::RemoveStaleTemporaries(std::chrono::seconds older_than) const {
  std::string tmp = data_dir_ + "/tmp";
  std::unique_ptr<DIR, int (*)(DIR*)> dir(opendir(tmp.c_str()), closedir);
  if (!dir) return 0;
  time_t cutoff = time(nullptr) - static_cast<time_t>(older_than.count());
  int removed = 0;
  while (dirent* entry = readdir(dir.get())) {
    std::string name = entry->d_name;
    if (name.size() <= 5 || name.compare(name.size() - 5, 5, ".part") != 0) continue;
    struct stat file {};
    if (fstatat(dirfd(dir.get()), entry->d_name, &file, AT_SYMLINK_NOFOLLOW) != 0) continue;
    if (!S_ISREG(file.st_mode) || file.st_mtime >= cutoff) continue;
    if (unlinkat(dirfd(dir.get()), entry->d_name, 0) == 0) ++removed;
  }
  return removed;
}

BlobWriter::BlobWriter(const BlobStore& store, std::string key)
    : store_(store), key_(std::move(key)), temp_(store.TempPath()) {
  store_.PathOf(key_);  // validates the key before any byte is written
  fd_ = open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
  if (fd_ < 0) ThrowFailed("cannot create " + temp_, errno);
}

BlobWriter::~BlobWriter() {
  if (fd_ >= 0) close(fd_);
  if (!finished_) unlink(temp_.c_str());
}

void BlobWriter::Write(const char* data, std::size_t size) {
  std::size_t done = 0;
  while (done < size) {
    ssize_t n = write(fd_, data + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) ThrowFailed("cannot write " + key_, n < 0 ? errno : ENOSPC);
    done += static_cast<std::size_t>(n);
  }
  size_ += size;
  StartWriteback();
}

// Hands each full MiB to the disk as it comes instead of all at Finish():
// the fsync before an upload's 202 then waits for the last MiB, not for the
// whole file queued behind every other upload's. Only a hint: an error
// here shows again at fsync.
void BlobWriter::StartWriteback() {
  constexpr std::uint64_t kWritebackBytes = 1 << 20;
  if (size_ - written_back_ < kWritebackBytes) return;
  std::uint64_t length = (size_ - written_back_) / kWritebackBytes * kWritebackBytes;
  sync_file_range(fd_, static_cast<off_t>(written_back_), static_cast<off_t>(length),
                  SYNC_FILE_RANGE_WRITE);
  written_back_ += length;
}

void BlobWriter::Finish() {
  if (fsync(fd_) != 0) ThrowFailed("cannot sync " + key_, errno);
  if (close(fd_) != 0) {
    int error_number = errno;
    fd_ = -1;
    ThrowFailed("cannot close " + key_, error_number);
  }
  fd_ = -1;
  store_.Publish(temp_, key_);
  finished_ = true;
}

}  // namespace dossier
