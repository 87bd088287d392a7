#include "server/http/JsonBody.h"
#include "server/http/RequestContext.h"
#include "server/http/ServiceResources.h"
#include "server/routes/CandidatureView.h"
#include "server/routes/PathParams.h"
#include "server/routes/RouteHandlers.h"
#include "store/db/ConnectionPool.h"
#include "store/db/Transaction.h"
#include "store/tables/Outbox.h"
#include "workflow/StatusNotices.h"
#include "workflow/Transitions.h"
#include "workflow/WorkflowRows.h"

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

// The candidature after the decision, and the mails that go with it.
void SettleCandidature(sql::Connection& connection, const CandidatureRow& candidature,
                       const std::string& public_url) {
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
  AddNotification(connection, CandidatureStatusNotice(candidature.id, candidature.formation, next,
                                                      refused, "", public_url));
}

}  // namespace

// A gestionnaire validates (VA) or refuses (RE, with a comment) a pièce of
// a candidature under examination (workflow's Decide); the candidature
// follows (StatusAfterDecision) in the same transaction, with its mails.
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
    if (next == PieceStatus::kRefusee)
      AddNotification(*connection,
                      PieceRefusedNotice(id, candidature.formation, {piece.label, decision.comment},
                                         context.service().settings.public_url));
    SettleCandidature(*connection, candidature, context.service().settings.public_url);
    transaction.Commit();
  }
  context.SendJson(200, CandidatureJson(*connection, id, context.service().settings.upload));
}

}  // namespace dossier
