#include "server/http/ApiMessages.h"
#include "server/http/HttpError.h"
#include "server/http/JsonBody.h"
#include "server/http/RequestContext.h"
#include "server/http/ServiceResources.h"
#include "server/routes/BoundStatement.h"
#include "server/routes/CandidatureOutcome.h"
#include "server/routes/CandidatureView.h"
#include "server/routes/PathParams.h"
#include "server/routes/RouteHandlers.h"
#include "server/routes/StatusNotices.h"
#include "server/routes/WorkflowRows.h"
#include "store/db/ConnectionPool.h"
#include "store/db/Transaction.h"
#include "store/workflow/Outbox.h"

namespace dossier {
namespace {

struct PieceDecision {
  std::string status;  // VA or RE
  std::string comment;
};

PieceDecision ReadDecision(RequestContext& context) {
  Poco::JSON::Object::Ptr body = ReadJsonObject(context);
  PieceDecision decision;
  decision.status = StringMember(body, "status", true, 2);
  if (decision.status != "VA" && decision.status != "RE")
    throw HttpError(400, "invalid_decision", messages::InvalidDecision());
  decision.comment = StringMember(body, "comment", false, 2000);
  if (decision.status == "RE" && decision.comment.find_first_not_of(" \t\r\n") == std::string::npos)
    throw HttpError(400, "comment_required", messages::CommentRequired());
  return decision;
}

void SetPiece(sql::Connection& connection, const std::string& id, const std::string& code,
              const PieceDecision& decision) {
  BoundStatement(connection,
                 "UPDATE pj_cand SET status = ?, comment = ?, updated_at = UTC_TIMESTAMP(3) "
                 "WHERE candidature_id = ? AND piece_code = ?")
      .Bind(decision.status)
      .BindNullableString(decision.comment)
      .Bind(id)
      .Bind(code)
      .Update();
}

// The candidature after the decision, and the mails that go with it.
void SettleCandidature(sql::Connection& connection, const CandidatureRow& candidature) {
  std::vector<PieceRow> pieces = PiecesOf(connection, candidature.id);
  std::vector<std::string> statuses;
  std::vector<RefusedPiece> refused;
  for (const PieceRow& piece : pieces) {
    statuses.push_back(piece.status);
    if (piece.status == "RE") refused.push_back({piece.label, piece.comment});
  }
  std::string next = StatusAfterDecision(candidature.status, statuses);
  if (next == candidature.status) {
    TouchCandidature(connection, candidature.id);
    return;
  }
  SetCandidatureStatus(connection, candidature.id, next);
  AddNotification(connection,
                  CandidatureStatusNotice(candidature.id, candidature.formation, next, refused));
}

}  // namespace

// A gestionnaire validates (VA) or refuses (RE, with a comment) a
// transmitted pièce of a candidature under examination (RE) or incomplete
// (IN); the candidature follows (CandidatureOutcome) in the same
// transaction, with its notifications.
void HandleDecision(RequestContext& context) {
  std::string id = CandidatureIdParam(context);
  std::string code = PieceCodeParam(context);
  PieceDecision decision = ReadDecision(context);
  PooledConnection connection = AcquireConnection(context.service());
  {
    Transaction transaction(*connection);
    CandidatureRow candidature = LockCandidature(*connection, id);
    if (candidature.status != "RE" && candidature.status != "IN")
      throw HttpError(409, "not_transmitted", messages::NotTransmitted());
    PieceRow piece = LockPiece(*connection, id, code);
    if (piece.status != "TR" && piece.status != "VA" && piece.status != "RE")
      throw HttpError(409, "piece_not_transmitted", messages::PieceNotTransmitted(piece.label));
    SetPiece(*connection, id, code, decision);
    if (decision.status == "RE")
      AddNotification(*connection, PieceRefusedNotice(id, candidature.formation,
                                                      {piece.label, decision.comment}));
    SettleCandidature(*connection, candidature);
    transaction.Commit();
  }
  context.SendJson(200, CandidatureJson(*connection, id));
}

}  // namespace dossier
