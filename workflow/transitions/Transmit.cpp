#include "core/messages/ApiMessages.h"
#include "workflow/Transitions.h"
#include "workflow/transitions/ErrorContext.h"

namespace dossier {

Checked<CandidatureStatus> Transmit(const CandidatureRow& candidature,
                                    const std::vector<PieceRow>& pieces) {
  if (candidature.status != CandidatureStatus::kEnAttente &&
      candidature.status != CandidatureStatus::kIncomplet)
    return ClientError(ErrorCode::kNotTransmittable,
                       candidature.status == CandidatureStatus::kComplet
                           ? messages::NothingToTransmit()
                           : messages::AlreadyTransmitted(),
                       ContextOf(candidature));
  std::vector<std::string> missing, refused, codes;
  for (const PieceRow& piece : pieces) {
    if (piece.status != PieceStatus::kEnAttente && piece.status != PieceStatus::kRefusee) continue;
    (piece.status == PieceStatus::kEnAttente ? missing : refused).push_back(piece.label);
    codes.push_back(piece.code);
  }
  if (codes.empty()) return CandidatureStatus::kReceptionne;
  ClientError error(ErrorCode::kPiecesMissing, messages::PiecesMissing(missing, refused),
                    ContextOf(candidature));
  error.With("pieces", codes);
  return error;
}

}  // namespace dossier
