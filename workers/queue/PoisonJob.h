#pragma once

#include <cstdint>
#include <string>

namespace sql {
class Connection;
}

namespace dossier {

// Gives up on a job that failed max_attempts times, inside the caller's
// transaction (the job row locked): the job becomes `poison`, its open
// job_run rows end, and the pièce version gets an `unprocessable` pre-check
// with a sentence for the candidate (UnprocessableMessage in
// core/messages), so a gestionnaire sees it and examines it by hand — never
// dropped silently. The pièce keeps its status (TR): nothing
// is refused in the candidate's name. Counts `jobs_poison`.
void PoisonJob(sql::Connection& connection, std::int64_t job_id, std::int64_t piece_version_id,
               const std::string& error);

}  // namespace dossier
