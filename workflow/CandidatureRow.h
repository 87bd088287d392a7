#pragma once

#include <string>

#include "workflow/CandidatureStatus.h"

namespace dossier {

// A candidature as the workflow decides on it (WorkflowRows reads it).
struct CandidatureRow {
  std::string id;
  std::string formation;
  CandidatureStatus status = CandidatureStatus::kEnAttente;
};

}  // namespace dossier
