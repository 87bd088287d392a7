#include <Poco/JSON/Array.h>

#include "server/http/ApiMessages.h"
#include "server/http/HttpError.h"
#include "server/http/RequestContext.h"
#include "server/http/ServiceResources.h"
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

// eCandidat transmits only when no pièce is waiting (AT) or refused (RE):
// 409 `pieces_missing` naming them, with their codes in "pieces".
void RequireCompletePieces(const std::vector<PieceRow>& pieces) {
  std::vector<std::string> missing, refused;
  Poco::JSON::Array::Ptr codes = new Poco::JSON::Array;
  for (const PieceRow& piece : pieces) {
    if (piece.status != "AT" && piece.status != "RE") continue;
    (piece.status == "AT" ? missing : refused).push_back(piece.label);
    codes->add(piece.code);
  }
  if (codes->size() == 0) return;
  throw HttpError(409, "pieces_missing", messages::PiecesMissing(missing, refused))
      .With("pieces", codes);
}

}  // namespace

// The candidate sends the dossier for examination: from AT or IN to RE.
void HandleTransmit(RequestContext& context) {
  std::string id = CandidatureIdParam(context);
  PooledConnection connection = AcquireConnection(context.service());
  {
    Transaction transaction(*connection);
    CandidatureRow candidature = LockCandidature(*connection, id);
    if (candidature.status != "AT" && candidature.status != "IN")
      throw HttpError(409, "not_transmittable", messages::NotTransmittable(candidature.status));
    RequireCompletePieces(PiecesOf(*connection, id));
    SetCandidatureStatus(*connection, id, "RE");
    AddNotification(*connection, CandidatureStatusNotice(id, candidature.formation, "RE", {}));
    transaction.Commit();
  }
  context.SendJson(200, CandidatureJson(*connection, id));
}

}  // namespace dossier
