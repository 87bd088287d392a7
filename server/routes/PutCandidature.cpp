#include <cppconn/resultset.h>

#include "core/errors/ClientError.h"
#include "core/messages/ApiMessages.h"
#include "server/http/JsonBody.h"
#include "server/http/RequestContext.h"
#include "server/http/ResourceId.h"
#include "server/http/ServiceResources.h"
#include "server/routes/CandidatureRequest.h"
#include "server/routes/CandidatureView.h"
#include "server/routes/RouteHandlers.h"
#include "store/db/BoundStatement.h"
#include "store/db/ConnectionPool.h"
#include "store/db/Transaction.h"
#include "workflow/CandidatureStatus.h"
#include "workflow/PieceStatus.h"
#include "workflow/history/RecordHistory.h"

namespace dossier {
namespace {

void RequireKnownPieceTypes(sql::Connection& connection, const CandidatureRequest& request) {
  if (!request.pieces) return;
  for (const CandidatureRequest::Piece& piece : *request.pieces) {
    auto row = BoundStatement(connection, "SELECT 1 FROM piece_justif WHERE code = ?")
                   .Bind(piece.code)
                   .Query();
    if (!row->next())
      throw ClientError(ErrorCode::kUnknownPiece, messages::UnknownPieceType(piece.code),
                        "pièce " + piece.code);
  }
}

// Inserts the candidature when it is new (true), not transmitted yet, else
// updates what the request brings.
bool SaveCandidature(sql::Connection& connection, const std::string& id,
                     const CandidatureRequest& request) {
  int inserted = BoundStatement(connection,
                                "INSERT IGNORE INTO candidature (id, formation, ine, nom, prenom, "
                                "email, date_limite, status, created_at, updated_at) VALUES (?, ?, "
                                "?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))")
                     .Bind(id)
                     .Bind(request.formation)
                     .BindNullableString(request.ine.value_or(""))
                     .BindNullableString(request.nom.value_or(""))
                     .BindNullableString(request.prenom.value_or(""))
                     .BindNullableString(request.email.value_or(""))
                     .BindNullableString(request.date_limite)
                     .Bind(Code(CandidatureStatus::kEnAttente))
                     .Update();
  if (inserted == 1) return true;
  BoundStatement(connection,
                 "UPDATE candidature SET formation = ?, date_limite = ?, "
                 "updated_at = UTC_TIMESTAMP(3) WHERE id = ?")
      .Bind(request.formation)
      .BindNullableString(request.date_limite)
      .Bind(id)
      .Update();
  if (request.ine)
    BoundStatement(connection, "UPDATE candidature SET ine = ? WHERE id = ?")
        .BindNullableString(*request.ine)
        .Bind(id)
        .Update();
  if (request.nom)
    BoundStatement(connection, "UPDATE candidature SET nom = ? WHERE id = ?")
        .BindNullableString(*request.nom)
        .Bind(id)
        .Update();
  if (request.prenom)
    BoundStatement(connection, "UPDATE candidature SET prenom = ? WHERE id = ?")
        .BindNullableString(*request.prenom)
        .Bind(id)
        .Update();
  if (request.email)
    BoundStatement(connection, "UPDATE candidature SET email = ? WHERE id = ?")
        .BindNullableString(*request.email)
        .Bind(id)
        .Update();
  return false;
}

// Adds the missing pièces (AT) and updates the flag and the order of the
// others; pièces no longer listed stay (their files and decisions too).
void SavePieces(sql::Connection& connection, const std::string& id,
                const CandidatureRequest& request) {
  if (!request.pieces) return;
  int position = 0;
  for (const CandidatureRequest::Piece& piece : *request.pieces) {
    BoundStatement(connection,
                   "INSERT INTO pj_cand (candidature_id, piece_code, mandatory, position, status, "
                   "updated_at) VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP(3)) "
                   "ON DUPLICATE KEY UPDATE mandatory = ?, position = ?")
        .Bind(id)
        .Bind(piece.code)
        .Bind(piece.mandatory ? 1 : 0)
        .Bind(position)
        .Bind(Code(PieceStatus::kEnAttente))
        .Bind(piece.mandatory ? 1 : 0)
        .Bind(position)
        .Update();
    ++position;
  }
  // A pièce made mandatory can no longer be « Non concerné ».
  BoundStatement(connection,
                 "UPDATE pj_cand p JOIN piece_justif t ON t.code = p.piece_code "
                 "SET p.status = ?, p.updated_at = UTC_TIMESTAMP(3) "
                 "WHERE p.candidature_id = ? AND p.status = ? AND p.mandatory = 1 "
                 "AND t.conditional = 0")
      .Bind(Code(PieceStatus::kEnAttente))
      .Bind(id)
      .Bind(Code(PieceStatus::kNonConcerne))
      .Update();
}

}  // namespace

void HandlePutCandidature(RequestContext& context) {
  const std::string& id = context.Param("id");
  if (!IsResourceId(id)) throw ClientError(ErrorCode::kInvalidId, messages::InvalidCandidatureId());
  CandidatureRequest request = ParseCandidatureRequest(ReadJsonObject(context));
  PooledConnection connection = AcquireConnection(context.service());
  bool created = false;
  {
    Transaction transaction(*connection);
    RequireKnownPieceTypes(*connection, request);
    created = SaveCandidature(*connection, id, request);
    SavePieces(*connection, id, request);
    if (created)
      RecordHistory(*connection, CandidatureEntry(id, context.Actor(), HistoryKind::kCreation,
                                                  std::nullopt, CandidatureStatus::kEnAttente));
    transaction.Commit();
  }
  context.SendJson(created ? 201 : 200,
                   CandidatureJson(*connection, id, context.service().settings.upload));
}

}  // namespace dossier
