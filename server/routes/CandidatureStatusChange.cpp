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
#include "workflow/history/RecordHistory.h"

namespace dossier {
namespace {

struct StatusRequest {
  CandidatureStatus status;  // CO or IN
  std::string comment;       // for the candidate's mail; may be empty
};

StatusRequest ReadStatusRequest(RequestContext& context) {
  Poco::JSON::Object::Ptr body = ReadJsonObject(context);
  StatusRequest request{ParseStatusChange(StringMember(body, "status", true, 2)).OrThrow(), ""};
  request.comment = StringMember(body, "comment", false, 2000);
  if (request.comment.find_first_not_of(" \t\r\n") == std::string::npos) request.comment.clear();
  return request;
}

// The status mail, with the gestionnaire's comment as its note.
Notification StatusMail(const CandidatureRow& candidature, const StatusRequest& request,
                        const std::vector<PieceRow>& pieces, const std::string& public_url) {
  std::vector<RefusedPiece> refused;
  if (request.status == CandidatureStatus::kIncomplet)
    for (const PieceRow& piece : pieces)
      if (piece.status == PieceStatus::kRefusee) refused.push_back({piece.label, piece.comment});
  return CandidatureStatusNotice(candidature.id, candidature.formation, request.status, refused,
                                 request.comment, public_url);
}

}  // namespace

// A gestionnaire declares a transmitted dossier complete or incomplete
// whatever the pièces' own decisions would have concluded (workflow's
// ChangeCandidatureStatus); the candidate is told by mail in the same
// transaction. Asking for the status it already has changes nothing.
void HandleCandidatureStatus(RequestContext& context) {
  std::string id = CandidatureIdParam(context);
  StatusRequest request = ReadStatusRequest(context);
  PooledConnection connection = AcquireConnection(context.service());
  {
    Transaction transaction(*connection);
    CandidatureRow candidature = LockCandidature(*connection, id);
    std::vector<PieceRow> pieces = PiecesOf(*connection, id);
    CandidatureStatus next = ChangeCandidatureStatus(candidature, request.status, pieces).OrThrow();
    if (next != candidature.status) {
      SetCandidatureStatus(*connection, id, next);
      RecordHistory(*connection, CandidatureEntry(id, context.Actor(), HistoryKind::kStatus,
                                                  candidature.status, next, request.comment));
      AddNotification(*connection, StatusMail(candidature, request, pieces,
                                              context.service().settings.public_url));
      transaction.Commit();
    }
  }
  context.SendJson(200, CandidatureJson(*connection, id, context.service().settings.upload));
}

}  // namespace dossier
