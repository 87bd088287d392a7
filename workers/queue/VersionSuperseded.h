#pragma once

#include <cstdint>

namespace sql {
class Connection;
}

namespace dossier {

// Whether a newer upload of the same pièce replaced this version (the pièce's
// current_version is past it). Its pre-check would describe a file the
// candidate no longer presents: its job is not run (see ClaimJob). A plain
// read: the answer holds while the caller keeps the candidature locked,
// which every upload locks first.
bool VersionSuperseded(sql::Connection& connection, std::int64_t piece_version_id);

}  // namespace dossier
