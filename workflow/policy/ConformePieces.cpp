#include "workflow/policy/ConformePieces.h"

namespace dossier {

bool IsConforme(PieceStatus status, const std::optional<CurrentPrecheck>& precheck) {
  if (status != PieceStatus::kTransmise || !precheck) return false;
  if (precheck->outcome != JobOutcome::kAccepted || precheck->active_content) return false;
  return precheck->ine == IneVerdict::kConforme || precheck->ine == IneVerdict::kNonVerifie;
}

}  // namespace dossier
