#pragma once

#include <cstdint>

namespace dossier {

// What one upload request may bring. The pièce's own byte limit applies to
// the processed PDF, not here: a 10 Mo scan is welcome, the service shrinks it.
struct UploadLimits {
  std::uint64_t max_file_bytes = 25'000'000;     // one file part
  std::uint64_t max_request_bytes = 60'000'000;  // the whole multipart body
  int max_files = 20;                            // file parts per request
  // Below this much free space in the data directory, uploads get 503 with
  // Retry-After instead of risking a half-written file.
  std::uint64_t min_free_bytes = 256ull << 20;
};

}  // namespace dossier
