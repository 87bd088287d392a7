#include "ingest/upload/PendingBlobs.h"

#include "store/blobs/BlobStore.h"

namespace dossier {

PendingBlobs::PendingBlobs(const BlobStore& store) : store_(store) {}

PendingBlobs::~PendingBlobs() {
  RemoveAll();
}

void PendingBlobs::Add(std::string key) {
  keys_.push_back(std::move(key));
}

void PendingBlobs::RemoveAll() {
  for (const std::string& key : keys_) {
    try {
      store_.Remove(key);
    } catch (const std::exception&) {
      // A key we did not make cannot be in the store: nothing to remove.
    }
  }
  keys_.clear();
}

}  // namespace dossier
