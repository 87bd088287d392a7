#include "server/http/JsonBody.h"
#include "server/http/RequestContext.h"
#include "server/http/ServiceResources.h"
#include "server/routes/CandidatureView.h"
#include "server/routes/PathParams.h"
#include "server/routes/RouteHandlers.h"
#include "server/routes/SettleCandidature.h"
#include "store/db/ConnectionPool.h"
#include "store/db/Transaction.h"
#include "store/tables/Outbox.h"
#include "workflow/StatusNotices.h"
#include "workflow/Transitions.h"
#include "workflow/WorkflowRows.h"
#include "workflow/history/RecordHistory.h"

namespace dossier {
namespace {

struct PieceDecision {
  PieceStatus status;  // VA or RE
  std::string comment;
};

// The body, checked before any row is read: a malformed decision is
// answered 400 whatever the candidature.
PieceDecision ReadDecision(RequestContext& context) {
  Poco::JSON::Object::Ptr body = ReadJsonObject(context);
  PieceStatus status = ParseDecisionStatus(StringMember(body, "status", true, 2)).OrThrow();
  std::string comment = StringMember(body, "comment", false, 2000);
  if (std::optional<ClientError> error = CheckDecisionComment(status, comment)) throw *error;
  return {status, comment};
}

}  // namespace

// A gestionnaire validates (VA) or refuses (RE, with a comment) a pièce of
// a candidature under examination (workflow's Decide); the candidature
// follows (SettleCandidature) in the same transaction, with its mails and
// the history's lines, by the token's holder.
void HandleDecision(RequestContext& context) {
  std::string id = CandidatureIdParam(context);
  std::string code = PieceCodeParam(context);
  PieceDecision decision = ReadDecision(context);
  PooledConnection connection = AcquireConnection(context.service());
  {
    Transaction transaction(*connection);
    CandidatureRow candidature = LockCandidature(*connection, id);
    // Before the pièce is looked up: an unknown pièce of a candidature not
    // yet transmitted is answered 409, not 404.
    if (std::optional<ClientError> error = CheckUnderExamination(candidature)) throw *error;
    PieceRow piece = LockPiece(*connection, id, code);
    PieceStatus next = Decide(candidature, piece, decision.status).OrThrow();
    SetPieceStatus(*connection, id, code, next, decision.comment);
    RecordHistory(*connection, PieceEntry(id, context.Actor(), HistoryKind::kDecision, code,
                                          piece.status, next, decision.comment));
    if (next == PieceStatus::kRefusee)
      AddNotification(*connection,
                      PieceRefusedNotice(id, candidature.formation, {piece.label, decision.comment},
                                         context.service().settings.public_url));
    SettleCandidature(*connection, candidature, context.Actor(),
                      context.service().settings.public_url);
    transaction.Commit();
  }
  context.SendJson(200, CandidatureJson(*connection, id, context.service().settings.upload));
}

}  // namespace dossier
