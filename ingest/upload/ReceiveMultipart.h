#pragma once

#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "core/report/PieceRules.h"
#include "ingest/upload/ReceivedFile.h"
#include "ingest/upload/UploadLimits.h"

namespace dossier {

class BlobStore;

// Streams the `file` parts of a multipart/form-data body into the blob store
// (never the whole body in memory): each part is sniffed by its bytes,
// hashed (sha256), counted against `limits`, fsynced and published under a
// fresh key, in the order received. Other form fields are read and ignored.
// `content_length`, when known, is checked before any byte is read.
// Throws ClientError: `malformed` (no boundary, broken body), `truncated`
// (body cut short, or a JPEG/PNG without its end), `empty`, `no_file`,
// `too_large` (a file or the body), `too_many_files`, `format` (the
// pipeline's message), `storage_full` with its Retry-After seconds. On any
// throw every file already written for this request is removed.
std::vector<ReceivedFile> ReceiveMultipart(std::istream& body, const std::string& content_type,
                                           std::optional<std::uint64_t> content_length,
                                           const PieceRules& rules, const UploadLimits& limits,
                                           const BlobStore& store);

}  // namespace dossier
