#pragma once

#include <optional>
#include <string>

#include "core/errors/ClientError.h"
#include "workflow/CandidatureStatus.h"

namespace dossier {

// candidature_closed, with the sentence for a dossier under examination
// (RE) or complete (CO); nullopt while the candidate may change its pièces.
std::optional<ClientError> CandidatureClosed(CandidatureStatus status, const std::string& context);

}  // namespace dossier
