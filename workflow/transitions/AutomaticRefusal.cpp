#include "workflow/Transitions.h"

namespace dossier {

std::optional<PieceStatus> StatusAfterAutomaticRefusal(PieceStatus current,
                                                       bool refused_version_is_current) {
  if (current != PieceStatus::kTransmise || !refused_version_is_current) return std::nullopt;
  return PieceStatus::kRefusee;
}

}  // namespace dossier
