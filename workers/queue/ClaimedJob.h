#pragma once

#include <cstdint>
#include <string>

namespace dossier {

// A job as its holder sees it after a claim. `lease_token` is the proof of
// holding: every later change of the job (heartbeat, completion, failure,
// release) names it, and is refused once another worker has claimed the job.
struct ClaimedJob {
  std::int64_t id = 0;
  std::int64_t piece_version_id = 0;
  std::string candidature_id;
  std::string piece_code;
  int version = 0;  // of the pièce
  int attempt = 0;  // 1 for the first claim
  std::string worker;
  std::string lease_token;
  std::int64_t run_id = 0;  // the job_run row of this attempt
};

// A job the queue gave up on while claiming (see ClaimJob).
struct PoisonedJob {
  std::int64_t id = 0;
  std::int64_t piece_version_id = 0;
  std::string candidature_id;
  std::string piece_code;
  int version = 0;
  int attempts = 0;
};

// A job the queue closed without running it while claiming, because a newer
// upload had replaced its version (see ClaimJob).
struct SupersededJob {
  std::int64_t id = 0;
  std::int64_t piece_version_id = 0;
  std::string candidature_id;
  std::string piece_code;
  int version = 0;
};

}  // namespace dossier
