#include "core/messages/ApiMessages.h"
#include "workflow/Transitions.h"
#include "workflow/transitions/CandidatureClosed.h"

namespace dossier {

std::optional<ClientError> CheckReplace(CandidatureStatus candidature, PieceStatus piece,
                                        const std::string& piece_label) {
  if (std::optional<ClientError> closed =
          CandidatureClosed(candidature, std::string("candidature ") + Code(candidature)))
    return closed;
  if (piece == PieceStatus::kValidee)
    return ClientError(ErrorCode::kPieceValidated, messages::PieceValidated(piece_label),
                       "pièce « " + piece_label + " » " + Code(piece));
  return std::nullopt;
}

}  // namespace dossier
