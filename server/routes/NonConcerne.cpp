#include "server/http/ApiMessages.h"
#include "server/http/HttpError.h"
#include "server/http/RequestContext.h"
#include "server/http/ServiceResources.h"
#include "server/routes/BoundStatement.h"
#include "server/routes/CandidatureView.h"
#include "server/routes/PathParams.h"
#include "server/routes/RouteHandlers.h"
#include "server/routes/WorkflowRows.h"
#include "store/db/ConnectionPool.h"
#include "store/db/Transaction.h"

namespace dossier {

// « Non concerné »: only for a pièce the candidature lists as optional or
// whose type is conditional, never once validated, never in a candidature
// under examination (RE) or complete (CO).
void HandleNonConcerne(RequestContext& context) {
  std::string id = CandidatureIdParam(context);
  std::string code = PieceCodeParam(context);
  PooledConnection connection = AcquireConnection(context.service());
  {
    Transaction transaction(*connection);
    CandidatureRow candidature = LockCandidature(*connection, id);
    if (candidature.status == "RE" || candidature.status == "CO")
      throw HttpError(409, "candidature_closed", messages::CandidatureClosed(candidature.status));
    PieceRow piece = LockPiece(*connection, id, code);
    if (piece.mandatory && !piece.conditional)
      throw HttpError(409, "not_conditional", messages::NotConditional(piece.label));
    if (piece.status == "VA")
      throw HttpError(409, "piece_validated", messages::PieceValidated(piece.label));
    BoundStatement(*connection,
                   "UPDATE pj_cand SET status = 'NC', comment = NULL, "
                   "updated_at = UTC_TIMESTAMP(3) WHERE candidature_id = ? AND piece_code = ?")
        .Bind(id)
        .Bind(code)
        .Update();
    TouchCandidature(*connection, id);
    transaction.Commit();
  }
  context.SendJson(200, CandidatureJson(*connection, id));
}

}  // namespace dossier
