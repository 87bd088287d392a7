#pragma once

#include <cstdint>
#include <string>

#include "core/report/PieceReport.h"
#include "workers/queue/ClaimedJob.h"

namespace sql {
class Connection;
}

namespace dossier {

// What the pipeline concluded about one pièce version, as the precheck row
// keeps it: the report (its outcome, reason, INE verdict, message and size
// have their own columns, the whole of it as JSON) and where the outputs went.
struct PrecheckResult {
  PieceReport report;
  std::string output_key;     // the processed PDF in the store; "" when refused
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
// (outbox `piece_refused`), so a replacement can come before the deadline;
// the mail links to the candidate page under `public_url` ("" no link).
Completion CompleteJob(sql::Connection& connection, const ClaimedJob& job,
                       const PrecheckResult& result, const std::string& public_url = "");

}  // namespace dossier
