#pragma once

#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "ingest/upload/ReceivedFile.h"
#include "ingest/upload/UploadLimits.h"
#include "processors/pipeline/PieceRules.h"

namespace dossier {

class BlobStore;

// Streams the `file` parts of a multipart/form-data body into the blob store
// (never the whole body in memory): each part is sniffed by its bytes,
// hashed (sha256), counted against `limits`, fsynced and published under a
// fresh key, in the order received. Other form fields are read and ignored.
// `content_length`, when known, is checked before any byte is read.
// Throws UploadError: 400 `malformed` (no boundary, broken body), `truncated`
// (body cut short, or a JPEG/PNG without its end), `empty`, `no_file`; 413
// `too_large` (a file or the body), `too_many_files`; 415 `format` (the
// pipeline's message); 503 `storage_full` with Retry-After. On any throw
// every file already written for this request is removed.
std::vector<ReceivedFile> ReceiveMultipart(std::istream& body, const std::string& content_type,
                                           std::optional<std::uint64_t> content_length,
                                           const PieceRules& rules, const UploadLimits& limits,
                                           const BlobStore& store);

}  // namespace dossier
