#pragma once

#include <string>

#include "workflow/PieceStatus.h"

namespace dossier {

// A pièce of a candidature as the workflow decides on it (WorkflowRows
// reads it).
struct PieceRow {
  std::string code;
  std::string label;
  PieceStatus status = PieceStatus::kEnAttente;
  std::string comment;
  bool mandatory = true;
  bool conditional = false;  // the pièce type allows « Non concerné »
  int version = 0;
};

}  // namespace dossier
