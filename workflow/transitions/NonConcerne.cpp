#include "core/messages/ApiMessages.h"
#include "workflow/Transitions.h"
#include "workflow/transitions/ErrorContext.h"

namespace dossier {

Checked<PieceStatus> DeclareNonConcerne(const CandidatureRow& candidature, const PieceRow& piece) {
  if (std::optional<ClientError> error = CheckCandidatureOpen(candidature)) return *error;
  if (piece.mandatory && !piece.conditional)
    return ClientError(ErrorCode::kNotConditional, messages::NotConditional(piece.label),
                       ContextOf(candidature, piece));
  if (piece.status == PieceStatus::kValidee)
    return ClientError(ErrorCode::kPieceValidated, messages::PieceValidated(piece.label),
                       ContextOf(candidature, piece));
  return PieceStatus::kNonConcerne;
}

}  // namespace dossier
