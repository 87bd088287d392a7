#pragma once

#include <optional>
#include <string>

#include "core/receipt/DepositReceipt.h"

namespace sql {
class Connection;
}

namespace dossier {

class BlobStore;

// Writes the récépissé of the transmission being committed on `connection`
// (call it inside the transmission's transaction, after the status change,
// so that a receipt exists exactly when a transmission does): every pièce
// with its status, its files' original names and the SHA-256 of its
// processed PDF as stored (the bytes GET …/pieces/{code}/pdf serves), read
// from `store`. A pièce whose PDF is not there (non concernée, still being
// processed) gets none. Returns the receipt written.
DepositReceipt RecordTransmissionReceipt(sql::Connection& connection, const BlobStore& store,
                                         const std::string& candidature_id);

// The latest receipt of a candidature: its row id (which names it for
// good) and the JSON written; nullopt before any transmission.
struct StoredReceipt {
  long long id = 0;
  std::string json;
};
std::optional<StoredReceipt> LatestReceipt(sql::Connection& connection,
                                           const std::string& candidature_id);

}  // namespace dossier
