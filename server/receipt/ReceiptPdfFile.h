#pragma once

#include <string>

namespace dossier {

class BlobStore;
class ConnectionPool;
class ProgramSlots;

// The latest récépissé of a candidature as a PDF, drawn by `dossier
// recepisse` run as a limited program (the HTTP process maps no document
// engine) and kept under DATA/recepisses/: a receipt never changes, so its
// PDF is drawn once, in one of `slots`. Throws ClientError `not_found`
// before any transmission, `busy` when no slot came free in time,
// std::runtime_error when drawing fails.
std::string ReceiptPdfPath(ConnectionPool& pool, const BlobStore& store, const std::string& binary,
                           ProgramSlots& slots, const std::string& candidature_id);

}  // namespace dossier
