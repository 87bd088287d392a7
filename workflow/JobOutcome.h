#pragma once

#include <optional>
#include <string_view>

namespace dossier {

// What the pre-check of one pièce version concluded, as precheck.outcome
// stores it: the pipeline's verdict when the job ended, or the workers'
// giving up on it (poison).
enum class JobOutcome {
  kAccepted,       // the processed PDF is there
  kRefused,        // the pipeline refused it; the pièce is refused if still current
  kUnprocessable,  // the job crashed or timed out too often: a gestionnaire looks at it
};

// Every outcome, in the order above (for counts that show zeros too).
inline constexpr JobOutcome kEveryJobOutcome[] = {JobOutcome::kAccepted, JobOutcome::kRefused,
                                                  JobOutcome::kUnprocessable};

// "accepted", "refused", "unprocessable".
const char* Code(JobOutcome outcome);
// The outcome of a stored code; nullopt for anything else.
std::optional<JobOutcome> ParseJobOutcome(std::string_view code);
// « Acceptée », « Refusée », « Non traitable ».
const char* Label(JobOutcome outcome);

}  // namespace dossier
