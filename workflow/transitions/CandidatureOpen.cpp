#include "core/messages/ApiMessages.h"
#include "workflow/Transitions.h"
#include "workflow/transitions/CandidatureClosed.h"
#include "workflow/transitions/ErrorContext.h"

namespace dossier {

std::optional<ClientError> CandidatureClosed(CandidatureStatus status, const std::string& context) {
  if (status == CandidatureStatus::kReceptionne)
    return ClientError(ErrorCode::kCandidatureClosed, messages::DossierUnderExamination(), context);
  if (status == CandidatureStatus::kComplet)
    return ClientError(ErrorCode::kCandidatureClosed, messages::DossierComplete(), context);
  return std::nullopt;
}

std::optional<ClientError> CheckCandidatureOpen(const CandidatureRow& candidature) {
  return CandidatureClosed(candidature.status, ContextOf(candidature));
}

}  // namespace dossier
