#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/sniff/Sniff.h"
#include "ingest/upload/ReceivedFile.h"
#include "ingest/upload/Sha256.h"
#include "ingest/upload/SniffWindow.h"
#include "store/blobs/BlobStore.h"

namespace dossier {

// One file part on its way into the store: written to a temp file, hashed,
// counted and sampled for Sniff as its bytes stream through, never held
// whole in memory. Until Publish() it has no key in the store; destroyed
// before, its temp file is removed.
class IncomingFile {
 public:
  IncomingFile(const BlobStore& store, std::string original_name);

  void Append(const char* data, std::size_t size);  // throws BlobError (disk full…)
  std::uint64_t size() const { return writer_.size(); }
  const std::string& original_name() const { return original_name_; }
  const std::string& storage_key() const { return writer_.key(); }
  // What the bytes so far are, judged by their ends alone.
  SniffResult Sniffed() const;
  // Fsyncs and moves the file under its key; what the database records of it.
  ReceivedFile Publish(FileKind kind);

 private:
  BlobWriter writer_;
  Sha256 hash_;
  SniffWindow window_;
  std::string original_name_;
};

}  // namespace dossier
