#pragma once

#include <cstdint>

namespace dossier {

// What one candidature may send and keep, whichever server process answers:
// the state behind it lives in the database (upload_allowance,
// piece_version.purged_at).
struct CandidatureQuota {
  // Uploads: a burst of `upload_burst` (enough for a first deposit of every
  // pièce at drag-and-drop speed), then one more every
  // `upload_interval_seconds`. 0 seconds: no limit.
  int upload_burst = 8;
  int upload_interval_seconds = 10;
  // Originals the candidature keeps: the files of each pièce's last
  // `kept_versions` versions (the current one and those it replaced).
  std::uint64_t max_kept_bytes = 200'000'000;
  int kept_versions = 3;
};

}  // namespace dossier
