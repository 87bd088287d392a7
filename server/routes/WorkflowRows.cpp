#include "server/routes/WorkflowRows.h"

#include <cppconn/resultset.h>

#include "server/http/ApiMessages.h"
#include "server/http/HttpError.h"
#include "server/routes/BoundStatement.h"

namespace dossier {
namespace {

const char* const kPieceColumns =
    "SELECT p.piece_code, t.label, p.status, p.comment, p.mandatory, t.conditional, "
    "p.current_version FROM pj_cand p JOIN piece_justif t ON t.code = p.piece_code ";

PieceRow ReadPiece(sql::ResultSet& row) {
  PieceRow piece;
  piece.code = row.getString(1);
  piece.label = row.getString(2);
  piece.status = row.getString(3);
  piece.comment = row.isNull(4) ? "" : std::string(row.getString(4));
  piece.mandatory = row.getInt(5) != 0;
  piece.conditional = row.getInt(6) != 0;
  piece.version = row.getInt(7);
  return piece;
}

}  // namespace

CandidatureRow LockCandidature(sql::Connection& connection, const std::string& id) {
  auto row = BoundStatement(connection,
                            "SELECT id, formation, status FROM candidature WHERE id = ? "
                            "FOR UPDATE")
                 .Bind(id)
                 .Query();
  if (!row->next()) throw HttpError(404, "not_found", messages::CandidatureNotFound());
  return {row->getString(1), row->getString(2), row->getString(3)};
}

PieceRow LockPiece(sql::Connection& connection, const std::string& id, const std::string& code) {
  auto row = BoundStatement(connection, std::string(kPieceColumns) +
                                            "WHERE p.candidature_id = ? AND p.piece_code = ? "
                                            "FOR UPDATE")
                 .Bind(id)
                 .Bind(code)
                 .Query();
  if (!row->next()) throw HttpError(404, "not_found", messages::PieceNotRequired());
  return ReadPiece(*row);
}

std::vector<PieceRow> PiecesOf(sql::Connection& connection, const std::string& id) {
  auto rows = BoundStatement(connection, std::string(kPieceColumns) +
                                             "WHERE p.candidature_id = ? "
                                             "ORDER BY p.position, p.piece_code")
                  .Bind(id)
                  .Query();
  std::vector<PieceRow> pieces;
  while (rows->next()) pieces.push_back(ReadPiece(*rows));
  return pieces;
}

void SetCandidatureStatus(sql::Connection& connection, const std::string& id,
                          const std::string& status) {
  BoundStatement(connection,
                 "UPDATE candidature SET status = ?, updated_at = UTC_TIMESTAMP(3) WHERE id = ?")
      .Bind(status)
      .Bind(id)
      .Update();
}

void TouchCandidature(sql::Connection& connection, const std::string& id) {
  BoundStatement(connection, "UPDATE candidature SET updated_at = UTC_TIMESTAMP(3) WHERE id = ?")
      .Bind(id)
      .Update();
}

}  // namespace dossier
