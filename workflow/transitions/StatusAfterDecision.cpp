#include <algorithm>

#include "workflow/Transitions.h"

namespace dossier {

CandidatureStatus StatusAfterDecision(CandidatureStatus current,
                                      const std::vector<PieceStatus>& pieces) {
  auto refused = [](PieceStatus s) { return s == PieceStatus::kRefusee; };
  auto settled = [](PieceStatus s) {
    return s == PieceStatus::kValidee || s == PieceStatus::kNonConcerne;
  };
  if (std::any_of(pieces.begin(), pieces.end(), refused)) return CandidatureStatus::kIncomplet;
  if (!pieces.empty() && std::all_of(pieces.begin(), pieces.end(), settled))
    return CandidatureStatus::kComplet;
  return current;
}

}  // namespace dossier
