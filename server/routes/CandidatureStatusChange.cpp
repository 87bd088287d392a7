#include <Poco/JSON/Array.h>

#include "server/http/ApiMessages.h"
#include "server/http/HttpError.h"
#include "server/http/JsonBody.h"
#include "server/http/RequestContext.h"
#include "server/http/ServiceResources.h"
#include "server/routes/CandidatureView.h"
#include "server/routes/GestionMessages.h"
#include "server/routes/PathParams.h"
#include "server/routes/RouteHandlers.h"
#include "server/routes/StatusNotices.h"
#include "server/routes/WorkflowRows.h"
#include "store/db/ConnectionPool.h"
#include "store/db/Transaction.h"
#include "store/workflow/Outbox.h"

namespace dossier {
namespace {

struct StatusRequest {
  std::string status;   // CO or IN
  std::string comment;  // for the candidate's mail; may be empty
};

StatusRequest ReadStatusRequest(RequestContext& context) {
  Poco::JSON::Object::Ptr body = ReadJsonObject(context);
  StatusRequest request;
  request.status = StringMember(body, "status", true, 2);
  if (request.status != "CO" && request.status != "IN")
    throw HttpError(400, "invalid_status", messages::InvalidCandidatureStatus());
  request.comment = StringMember(body, "comment", false, 2000);
  if (request.comment.find_first_not_of(" \t\r\n") == std::string::npos) request.comment.clear();
  return request;
}

// Complet only when every pièce is validated (VA) or not concerned (NC):
// 409 `pieces_not_validated` naming the others, their codes in "pieces".
void RequireSettledPieces(const std::vector<PieceRow>& pieces) {
  std::vector<std::string> labels;
  Poco::JSON::Array::Ptr codes = new Poco::JSON::Array;
  for (const PieceRow& piece : pieces) {
    if (piece.status == "VA" || piece.status == "NC") continue;
    labels.push_back(piece.label);
    codes->add(piece.code);
  }
  if (labels.empty()) return;
  throw HttpError(409, "pieces_not_validated", messages::PiecesNotValidated(labels))
      .With("pieces", codes);
}

// The status mail, with the gestionnaire's comment before the signature.
Notification StatusMail(const CandidatureRow& candidature, const StatusRequest& request,
                        const std::vector<PieceRow>& pieces) {
  std::vector<RefusedPiece> refused;
  if (request.status == "IN")
    for (const PieceRow& piece : pieces)
      if (piece.status == "RE") refused.push_back({piece.label, piece.comment});
  Notification notice =
      CandidatureStatusNotice(candidature.id, candidature.formation, request.status, refused);
  if (request.comment.empty()) return notice;
  std::string note = "\n\nMessage du gestionnaire : " + request.comment;
  std::size_t signature = notice.body.rfind("\n\nCordialement,");
  notice.body.insert(signature == std::string::npos ? notice.body.size() : signature, note);
  return notice;
}

}  // namespace

// A gestionnaire declares a transmitted dossier complete (CO, every pièce
// VA or NC) or incomplete (IN, from RE or CO), whatever the pièces' own
// decisions would have concluded; the candidate is told by mail in the same
// transaction. Asking for the status it already has changes nothing.
void HandleCandidatureStatus(RequestContext& context) {
  std::string id = CandidatureIdParam(context);
  StatusRequest request = ReadStatusRequest(context);
  PooledConnection connection = AcquireConnection(context.service());
  {
    Transaction transaction(*connection);
    CandidatureRow candidature = LockCandidature(*connection, id);
    if (candidature.status != request.status) {
      if (candidature.status == "AT")
        throw HttpError(409, "not_transmitted", messages::NotTransmitted());
      std::vector<PieceRow> pieces = PiecesOf(*connection, id);
      if (request.status == "CO") RequireSettledPieces(pieces);
      SetCandidatureStatus(*connection, id, request.status);
      AddNotification(*connection, StatusMail(candidature, request, pieces));
      transaction.Commit();
    }
  }
  context.SendJson(200, CandidatureJson(*connection, id));
}

}  // namespace dossier
