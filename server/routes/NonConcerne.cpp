#include "server/http/RequestContext.h"
#include "server/http/ServiceResources.h"
#include "server/routes/CandidatureView.h"
#include "server/routes/PathParams.h"
#include "server/routes/RouteHandlers.h"
#include "store/db/ConnectionPool.h"
#include "store/db/Transaction.h"
#include "workflow/Transitions.h"
#include "workflow/WorkflowRows.h"
#include "workflow/history/RecordHistory.h"

namespace dossier {

// The candidate declares a pièce « Non concerné » (workflow's
// DeclareNonConcerne); its comment goes.
void HandleNonConcerne(RequestContext& context) {
  std::string id = CandidatureIdParam(context);
  std::string code = PieceCodeParam(context);
  PooledConnection connection = AcquireConnection(context.service());
  {
    Transaction transaction(*connection);
    CandidatureRow candidature = LockCandidature(*connection, id);
    // Before the pièce is looked up: a closed candidature is answered 409
    // whatever the pièce asked.
    if (std::optional<ClientError> error = CheckCandidatureOpen(candidature)) throw *error;
    PieceRow piece = LockPiece(*connection, id, code);
    PieceStatus next = DeclareNonConcerne(candidature, piece).OrThrow();
    SetPieceStatus(*connection, id, code, next, "");
    RecordHistory(*connection, PieceEntry(id, context.Actor(), HistoryKind::kNonConcerne, code,
                                          piece.status, next));
    TouchCandidature(*connection, id);
    transaction.Commit();
  }
  context.SendJson(200, CandidatureJson(*connection, id, context.service().settings.upload));
}

}  // namespace dossier
