#include <Poco/JSON/Array.h>

#include <vector>

#include "core/errors/ClientError.h"
#include "core/messages/HistoryMessages.h"
#include "server/http/JsonBody.h"
#include "server/http/RequestContext.h"
#include "server/http/ServiceResources.h"
#include "server/routes/CandidatureView.h"
#include "server/routes/PathParams.h"
#include "server/routes/RouteHandlers.h"
#include "server/routes/SettleCandidature.h"
#include "store/db/ConnectionPool.h"
#include "store/db/Transaction.h"
#include "workflow/Transitions.h"
#include "workflow/WorkflowRows.h"
#include "workflow/history/RecordHistory.h"
#include "workflow/policy/ConformePieces.h"
#include "workflow/policy/CurrentPrechecks.h"

namespace dossier {
namespace {

// The body, checked before any row is read: {"validate": "conformes"} is
// the one bulk decision there is.
void ReadBulkDecision(RequestContext& context) {
  Poco::JSON::Object::Ptr body = ReadJsonObject(context);
  Poco::Dynamic::Var validate = body->get("validate");
  if (!validate.isString() || validate.extract<std::string>() != "conformes")
    throw ClientError(ErrorCode::kInvalidDecision, messages::InvalidBulkDecision(),
                      "bulk decision without validate: conformes");
}

// Validates every conforme pièce (workflow's IsConforme, then Decide as for
// one decision), each with its line of history; the codes validated.
std::vector<std::string> ValidateConformePieces(sql::Connection& connection,
                                                const CandidatureRow& candidature,
                                                const std::string& actor) {
  std::vector<std::string> validated;
  for (const PiecePrecheck& checked : LockCurrentPrechecks(connection, candidature.id)) {
    PieceRow piece = LockPiece(connection, candidature.id, checked.piece_code);
    if (!IsConforme(piece.status, checked.precheck)) continue;
    PieceStatus next = Decide(candidature, piece, PieceStatus::kValidee).OrThrow();
    SetPieceStatus(connection, candidature.id, piece.code, next, "");
    RecordHistory(connection, PieceEntry(candidature.id, actor, HistoryKind::kDecision, piece.code,
                                         piece.status, next, messages::ValidatedAsConforme()));
    validated.push_back(piece.code);
  }
  return validated;
}

}  // namespace

// « Valider les pièces conformes »: in one transaction under the
// candidature's and the pièces' locks, a gestionnaire validates every pièce
// the pre-check accepted without réserve; the others wait for a decision
// one by one. The candidature follows as after single decisions
// (SettleCandidature: it may become complete, with its mail); nothing
// validated changes nothing. Answers the candidature and "validated".
void HandleValidateConformes(RequestContext& context) {
  std::string id = CandidatureIdParam(context);
  ReadBulkDecision(context);
  PooledConnection connection = AcquireConnection(context.service());
  std::vector<std::string> validated;
  {
    Transaction transaction(*connection);
    CandidatureRow candidature = LockCandidature(*connection, id);
    if (std::optional<ClientError> error = CheckUnderExamination(candidature)) throw *error;
    validated = ValidateConformePieces(*connection, candidature, context.Actor());
    if (!validated.empty())
      SettleCandidature(*connection, candidature, context.Actor(),
                        context.service().settings.public_url);
    transaction.Commit();
  }
  Poco::JSON::Object::Ptr body =
      CandidatureJson(*connection, id, context.service().settings.upload);
  Poco::JSON::Array::Ptr codes = new Poco::JSON::Array;
  for (const std::string& code : validated) codes->add(code);
  body->set("validated", codes);
  context.SendJson(200, body);
}

}  // namespace dossier
