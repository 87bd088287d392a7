#pragma once

#include <cstdint>
#include <string>

namespace sql {
class Connection;
}

namespace dossier {

class BlobStore;

// Which candidatures a purge takes: those of one formation (exactly as
// stored), or those last changed before a day (UTC). Exactly one is set.
struct PurgeSelection {
  std::string formation;
  std::string before;  // "YYYY-MM-DD", already checked by IsIsoDate
};

// What a purge removed (or, dry, would remove).
struct PurgeCounts {
  std::int64_t candidatures = 0;
  std::int64_t piece_versions = 0;
  std::int64_t files = 0;  // files found in the data directory
  std::uint64_t bytes = 0;
  std::int64_t skipped = 0;  // with a job queued or running: left whole
};

// "YYYY-MM-DD" naming a real day.
bool IsIsoDate(const std::string& text);

// Deletes the selected candidatures (RGPD retention) with every row that
// belongs to them and every file of theirs in the data directory: uploads,
// processed PDFs and thumbnails, cached dossier and récépissé PDFs. Per
// candidature, under its row lock: files first, then the rows in one
// transaction, so that a run stopped midway leaves rows whose files may be
// gone but never a file without its row; running it again finishes the
// work (a missing file is not an error). A candidature with a job queued or
// running is skipped. `dry_run` counts and changes nothing.
PurgeCounts PurgeCandidatures(sql::Connection& connection, const BlobStore& store,
                              const PurgeSelection& selection, bool dry_run);

}  // namespace dossier
