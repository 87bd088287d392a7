#pragma once

#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "store/blobs/StorageFault.h"

namespace dossier {

class BlobError : public std::runtime_error {
 public:
  explicit BlobError(const std::string& what, int error_number = 0)
      : std::runtime_error(what), error_number_(error_number) {}
  // The errno of the failed call; 0 when there was none (a key we could not
  // have made, a blob missing).
  int error_number() const { return error_number_; }
  // Full, over quota or failing disk (IsStorageFault).
  bool storage_fault() const { return IsStorageFault(error_number_); }

 private:
  int error_number_;
};

// The files of the service under its data directory, shared by the server
// and the workers (a network file system when workers run elsewhere):
//   files/ab/<key>     uploads, as received
//   results/ab/<key>   processed PDFs
//   tmp/               writes in progress (same file system: rename is atomic)
// Keys are generated here, never derived from a name a candidate chose.
class BlobStore {
 public:
  explicit BlobStore(std::string data_dir);  // creates the folders

  // A fresh key such as "files/3f/3f9c…"; `area` is "files" or "results".
  std::string NewKey(const std::string& area) const;
  // The path of a key; throws BlobError for a key we could not have made.
  std::string PathOf(const std::string& key) const;
  std::string TempPath() const;  // a unique path under tmp/
  const std::string& data_dir() const { return data_dir_; }

  // Bytes the service may still write (statvfs of the data directory).
  std::uint64_t FreeBytes() const;
  // Reads a whole blob; throws BlobError when it is missing.
  std::string Read(const std::string& key) const;
  // Writes `bytes` under `key` durably (temp file, fsync, rename, fsync dir).
  void WriteDurably(const std::string& key, const std::string& bytes) const;
  // Moves a finished temp file under `key` durably.
  void Publish(const std::string& temp_path, const std::string& key) const;
  void Remove(const std::string& key) const;
  // Removes the `.part` files under tmp/ last modified more than
  // `older_than` ago: what a crash left halfway. Writes in progress, here or in another process
  // sharing the directory, touch their file at every block and are younger.
  // Returns how many were removed.
  int RemoveStaleTemporaries(std::chrono::seconds older_than) const;

 private:
  std::string data_dir_;
};

// A file being written into the store: fsynced and published on Finish(),
// removed if destroyed before. Nothing half-written ever carries a key.
class BlobWriter {
 public:
  BlobWriter(const BlobStore& store, std::string key);
  ~BlobWriter();
  BlobWriter(const BlobWriter&) = delete;
  BlobWriter& operator=(const BlobWriter&) = delete;

  void Write(const char* data, std::size_t size);  // throws BlobError (disk full…)
  void Finish();
  const std::string& key() const { return key_; }
  std::uint64_t size() const { return size_; }

 private:
  const BlobStore& store_;
  std::string key_;
  std::string temp_;
  int fd_ = -1;
  void StartWriteback();

  std::uint64_t size_ = 0;
  std::uint64_t written_back_ = 0;  // bytes handed to the disk before Finish()
  bool finished_ = false;
};

// 32 random hexadecimal characters from the kernel's generator.
std::string RandomHex(std::size_t bytes = 16);

}  // namespace dossier
