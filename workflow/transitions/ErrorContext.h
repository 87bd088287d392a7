#pragma once

#include <string>

#include "workflow/CandidatureRow.h"
#include "workflow/PieceRow.h"

namespace dossier {

// The context a transition's error carries for the log: which candidature
// (and pièce) was refused the step, and in which statuses.
std::string ContextOf(const CandidatureRow& candidature);
std::string ContextOf(const CandidatureRow& candidature, const PieceRow& piece);

}  // namespace dossier
