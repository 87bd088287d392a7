#pragma once

#include <cstdint>
#include <string>

namespace dossier {

// One file part of an upload, fsynced in the blob store.
struct ReceivedFile {
  std::string original_name;  // as the browser sent it: data, never a path
  std::string sniffed_type;   // FileKindCode: "pdf", "jpeg", "heic", "tiff", …
  std::uint64_t size = 0;
  std::string sha256;       // hex
  std::string storage_key;  // BlobStore key ("files/ab/…")
};

}  // namespace dossier
