#pragma once

#include <cstdint>
#include <string>

#include "workers/queue/ClaimedJob.h"

namespace sql {
class Connection;
}

namespace dossier {

// What the pipeline concluded about one pièce version, as the precheck row
// keeps it.
struct PrecheckResult {
  bool accepted = false;
  std::string reason;       // the refusal code ("size", "format", …); "" when accepted
  std::string ine_verdict;  // conforme, different, illisible, absent, non_verifie
  std::string message;      // French, for the candidate
  std::string report_json;  // the report as `dossier process` prints it
  std::string output_key;   // the processed PDF in the store; "" when refused
  std::uint64_t output_bytes = 0;
  std::string thumbnail_key;  // its page 1 as a JPEG preview; "" when none was made
};

enum class Completion {
  Completed,  // recorded now, or by this same attempt earlier
  LeaseLost,  // another worker holds the job: nothing recorded, the output is to be discarded
};

// Records the end of a job in one transaction, only while `job`'s lease
// holds: the precheck row (with the latency from upload to result), the job
// `done` and its attempt's job_run `done`. When the version is still the
// pièce's current one and the pièce is still `TR`, a refusal sets it to `RE`
// with the report's message as comment and tells the candidate at once
// (outbox `piece_refused`), so a replacement can come before the deadline.
Completion CompleteJob(sql::Connection& connection, const ClaimedJob& job,
                       const PrecheckResult& result);

}  // namespace dossier
