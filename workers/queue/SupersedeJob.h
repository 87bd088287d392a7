#pragma once

#include <cstdint>

namespace sql {
class Connection;
}

namespace dossier {

// Closes the job of a superseded version (VersionSuperseded) without running
// it, inside the caller's transaction (the job row locked): state
// `superseded`, finished now, last_error naming the version that replaced
// it, so an audit of the queue shows why it never ran. No attempt is counted,
// no job_run row opened, no pre-check written; the pièce is left alone.
void SupersedeJob(sql::Connection& connection, std::int64_t job_id, std::int64_t piece_version_id);

}  // namespace dossier
