#pragma once

#include <string>
#include <vector>

namespace dossier {

class BlobStore;

// The blobs written for one request that nothing refers to yet: removed from
// the store when this goes out of scope, unless Release()d once their rows
// are committed. A refused or failed upload leaves nothing behind.
class PendingBlobs {
 public:
  explicit PendingBlobs(const BlobStore& store);
  ~PendingBlobs();
  PendingBlobs(const PendingBlobs&) = delete;
  PendingBlobs& operator=(const PendingBlobs&) = delete;

  // Register a key before its file is published, so that a publication that
  // fails half-way is cleaned up too.
  void Add(std::string key);
  // The files now belong to the database rows: keep them.
  void Release() { keys_.clear(); }
  // Remove them now (a replayed request: the first upload's files are kept).
  void RemoveAll();

 private:
  const BlobStore& store_;
  std::vector<std::string> keys_;
};

}  // namespace dossier
