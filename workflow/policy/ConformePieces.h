#pragma once

#include <optional>

#include "workflow/IneVerdict.h"
#include "workflow/JobOutcome.h"
#include "workflow/PieceStatus.h"

namespace dossier {

// What the pre-check concluded about a pièce's current version, as the
// bulk validation judges it (CurrentPrechecks reads it).
struct CurrentPrecheck {
  JobOutcome outcome = JobOutcome::kUnprocessable;
  IneVerdict ine = IneVerdict::kNonVerifie;  // kNonVerifie: no INE check made
  bool active_content = false;               // precheck.active_content
};

// « Valider les pièces conformes »: a pièce is validated with the others
// only when it waits for a decision (TR) and its current version's
// pre-check is done and accepted it with nothing for a person to look at:
// no réserve on the INE (not illisible, different nor absent) and no active
// content. Anything else — still being processed (no pre-check), refused,
// unprocessable, already decided — is left to the gestionnaire.
bool IsConforme(PieceStatus status, const std::optional<CurrentPrecheck>& precheck);

}  // namespace dossier
