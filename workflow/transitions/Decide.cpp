#include "core/messages/ApiMessages.h"
#include "workflow/Transitions.h"
#include "workflow/transitions/ErrorContext.h"

namespace dossier {

Checked<PieceStatus> ParseDecisionStatus(std::string_view code) {
  std::optional<PieceStatus> decision = ParsePieceStatus(code);
  if (decision != PieceStatus::kValidee && decision != PieceStatus::kRefusee)
    return ClientError(ErrorCode::kInvalidDecision, messages::InvalidDecision(),
                       "decision " + std::string(code));
  return *decision;
}

std::optional<ClientError> CheckDecisionComment(PieceStatus decision, const std::string& comment) {
  if (decision != PieceStatus::kRefusee ||
      comment.find_first_not_of(" \t\r\n") != std::string::npos)
    return std::nullopt;
  return ClientError(ErrorCode::kCommentRequired, messages::CommentRequired());
}

std::optional<ClientError> CheckUnderExamination(const CandidatureRow& candidature) {
  if (candidature.status == CandidatureStatus::kReceptionne ||
      candidature.status == CandidatureStatus::kIncomplet)
    return std::nullopt;
  return ClientError(ErrorCode::kNotTransmitted, messages::NotTransmitted(),
                     ContextOf(candidature));
}

Checked<PieceStatus> Decide(const CandidatureRow& candidature, const PieceRow& piece,
                            PieceStatus decision) {
  if (std::optional<ClientError> error = CheckUnderExamination(candidature)) return *error;
  if (piece.status != PieceStatus::kTransmise && piece.status != PieceStatus::kValidee &&
      piece.status != PieceStatus::kRefusee)
    return ClientError(ErrorCode::kPieceNotTransmitted, messages::PieceNotTransmitted(piece.label),
                       ContextOf(candidature, piece));
  if (decision != PieceStatus::kValidee && decision != PieceStatus::kRefusee)
    return ClientError(ErrorCode::kInvalidDecision, messages::InvalidDecision(),
                       ContextOf(candidature, piece));
  return decision;
}

}  // namespace dossier
