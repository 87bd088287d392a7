#pragma once

#include <cstdint>
#include <string>

namespace dossier {

// How one attempt at a job ended, for the log and for callers.
struct JobAttempt {
  std::int64_t job = 0;
  std::string candidature;
  std::string piece;
  int version = 0;
  int attempt = 0;
  std::string worker;
  // done, crashed, timeout, lost_lease, poison, released, storage_full
  // (released: the disk was full or failing), superseded (closed unrun: a
  // newer upload replaced the version; attempt 0)
  std::string outcome;
  std::string status;  // accepted, refused ("" unless done)
  std::string reason;  // the refusal code ("" unless refused)
  std::string ine;     // the INE verdict ("" unless done)
  std::string error;   // what went wrong, for crashed, timeout, released, storage_full
  double ms = 0;
};

// The outcome as one JSON line (no newline):
// {"ts", "event":"job", "job", "candidature", "piece", "version", "attempt",
//  "worker", "outcome", "status", "reason", "ine", "ms"[, "error"]}.
std::string JobLogLine(const JobAttempt& outcome);

}  // namespace dossier
