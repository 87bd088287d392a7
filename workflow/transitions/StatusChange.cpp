#include "core/messages/ApiMessages.h"
#include "core/messages/GestionMessages.h"
#include "workflow/Transitions.h"
#include "workflow/transitions/ErrorContext.h"

namespace dossier {
namespace {

bool IsSettableByHand(std::optional<CandidatureStatus> status) {
  return status == CandidatureStatus::kComplet || status == CandidatureStatus::kIncomplet;
}

}  // namespace

Checked<CandidatureStatus> ParseStatusChange(std::string_view code) {
  std::optional<CandidatureStatus> status = ParseCandidatureStatus(code);
  if (!IsSettableByHand(status))
    return ClientError(ErrorCode::kInvalidStatus, messages::InvalidCandidatureStatus(),
                       "status " + std::string(code));
  return *status;
}

Checked<CandidatureStatus> ChangeCandidatureStatus(const CandidatureRow& candidature,
                                                   CandidatureStatus requested,
                                                   const std::vector<PieceRow>& pieces) {
  if (!IsSettableByHand(requested))
    return ClientError(ErrorCode::kInvalidStatus, messages::InvalidCandidatureStatus(),
                       ContextOf(candidature) + ", asked " + Code(requested));
  if (requested == candidature.status) return requested;
  if (candidature.status == CandidatureStatus::kEnAttente)
    return ClientError(ErrorCode::kNotTransmitted, messages::NotTransmitted(),
                       ContextOf(candidature));
  if (requested == CandidatureStatus::kIncomplet) return requested;
  std::vector<std::string> labels, codes;
  for (const PieceRow& piece : pieces) {
    if (piece.status == PieceStatus::kValidee || piece.status == PieceStatus::kNonConcerne)
      continue;
    labels.push_back(piece.label);
    codes.push_back(piece.code);
  }
  if (labels.empty()) return requested;
  ClientError error(ErrorCode::kPiecesNotValidated, messages::PiecesNotValidated(labels),
                    ContextOf(candidature));
  error.With("pieces", codes);
  return error;
}

}  // namespace dossier
