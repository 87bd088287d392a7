#include "ingest/upload/IncomingFile.h"

namespace dossier {

IncomingFile::IncomingFile(const BlobStore& store, std::string original_name)
    : writer_(store, store.NewKey("files")), original_name_(std::move(original_name)) {}

void IncomingFile::Append(const char* data, std::size_t size) {
  writer_.Write(data, size);
  hash_.Update(data, size);
  window_.Append(data, size);
}

SniffResult IncomingFile::Sniffed() const {
  return Sniff(window_.Bytes());
}

ReceivedFile IncomingFile::Publish(FileKind kind) {
  writer_.Finish();
  ReceivedFile file;
  file.original_name = original_name_;
  file.sniffed_type = FileKindCode(kind);
  file.size = writer_.size();
  file.sha256 = hash_.Hex();
  file.storage_key = writer_.key();
  return file;
}

}  // namespace dossier
