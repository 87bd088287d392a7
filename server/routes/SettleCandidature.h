#pragma once

#include <string>

#include "workflow/CandidatureRow.h"

namespace sql {
class Connection;
}

namespace dossier {

// After decisions on pièces of `candidature` (as locked before them), in
// the same transaction: the candidature follows (workflow's
// StatusAfterDecision), its history says so (kind `status`, by `actor`) and
// the candidate gets the status mail (with the refused pièces and their
// comments); when it keeps its status it is only marked changed. Shared by
// the single decision and « Valider les pièces conformes ».
void SettleCandidature(sql::Connection& connection, const CandidatureRow& candidature,
                       const std::string& actor, const std::string& public_url);

}  // namespace dossier
