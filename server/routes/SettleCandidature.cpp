#include "server/routes/SettleCandidature.h"

#include <vector>

#include "store/tables/Outbox.h"
#include "workflow/StatusNotices.h"
#include "workflow/Transitions.h"
#include "workflow/WorkflowRows.h"
#include "workflow/history/RecordHistory.h"

namespace dossier {

void SettleCandidature(sql::Connection& connection, const CandidatureRow& candidature,
                       const std::string& actor, const std::string& public_url) {
  std::vector<PieceRow> pieces = PiecesOf(connection, candidature.id);
  std::vector<PieceStatus> statuses;
  std::vector<RefusedPiece> refused;
  for (const PieceRow& piece : pieces) {
    statuses.push_back(piece.status);
    if (piece.status == PieceStatus::kRefusee) refused.push_back({piece.label, piece.comment});
  }
  CandidatureStatus next = StatusAfterDecision(candidature.status, statuses);
  if (next == candidature.status) {
    TouchCandidature(connection, candidature.id);
    return;
  }
  SetCandidatureStatus(connection, candidature.id, next);
  RecordHistory(connection, CandidatureEntry(candidature.id, actor, HistoryKind::kStatus,
                                             candidature.status, next));
  AddNotification(connection, CandidatureStatusNotice(candidature.id, candidature.formation, next,
                                                      refused, "", public_url));
}

}  // namespace dossier
