#include "workflow/WorkflowRows.h"

#include <cppconn/resultset.h>

#include <stdexcept>

#include "core/errors/ClientError.h"
#include "core/messages/ApiMessages.h"
#include "store/db/BoundStatement.h"

namespace dossier {
namespace {

// The schema's CHECK constraints hold the codes: anything else is a broken
// database, not a client's error.
CandidatureStatus CandidatureStatusOf(const std::string& id, const std::string& code) {
  if (std::optional<CandidatureStatus> status = ParseCandidatureStatus(code)) return *status;
  throw std::runtime_error("candidature " + id + ": unknown status '" + code + "'");
}

PieceStatus PieceStatusOf(const std::string& code, const std::string& status_code) {
  if (std::optional<PieceStatus> status = ParsePieceStatus(status_code)) return *status;
  throw std::runtime_error("pièce " + code + ": unknown status '" + status_code + "'");
}

const char* const kPieceColumns =
    "SELECT p.piece_code, t.label, p.status, p.comment, p.mandatory, t.conditional, "
    "p.current_version FROM pj_cand p JOIN piece_justif t ON t.code = p.piece_code ";

PieceRow ReadPiece(sql::ResultSet& row) {
  PieceRow piece;
  piece.code = row.getString(1);
  piece.label = row.getString(2);
  piece.status = PieceStatusOf(piece.code, row.getString(3));
  piece.comment = row.isNull(4) ? "" : std::string(row.getString(4));
  piece.mandatory = row.getInt(5) != 0;
  piece.conditional = row.getInt(6) != 0;
  piece.version = row.getInt(7);
  return piece;
}

CandidatureRow CandidatureOf(sql::Connection& connection, const std::string& id, const char* lock) {
  auto row = BoundStatement(
                 connection,
                 std::string("SELECT id, formation, status FROM candidature WHERE id = ?") + lock)
                 .Bind(id)
                 .Query();
  if (!row->next())
    throw ClientError(ErrorCode::kNotFound, messages::CandidatureNotFound(), "candidature " + id);
  return {row->getString(1), row->getString(2), CandidatureStatusOf(id, row->getString(3))};
}

PieceRow PieceOf(sql::Connection& connection, const std::string& id, const std::string& code,
                 const char* lock) {
  auto row =
      BoundStatement(connection, std::string(kPieceColumns) +
                                     "WHERE p.candidature_id = ? AND p.piece_code = ?" + lock)
          .Bind(id)
          .Bind(code)
          .Query();
  if (!row->next())
    throw ClientError(ErrorCode::kNotFound, messages::PieceNotRequired(),
                      "candidature " + id + ", pièce " + code);
  return ReadPiece(*row);
}

}  // namespace

CandidatureRow LockCandidature(sql::Connection& connection, const std::string& id) {
  return CandidatureOf(connection, id, " FOR UPDATE");
}

CandidatureRow FindCandidature(sql::Connection& connection, const std::string& id) {
  return CandidatureOf(connection, id, "");
}

PieceRow LockPiece(sql::Connection& connection, const std::string& id, const std::string& code) {
  return PieceOf(connection, id, code, " FOR UPDATE");
}

PieceRow FindPiece(sql::Connection& connection, const std::string& id, const std::string& code) {
  return PieceOf(connection, id, code, "");
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
                          CandidatureStatus status) {
  BoundStatement(connection,
                 "UPDATE candidature SET status = ?, updated_at = UTC_TIMESTAMP(3) WHERE id = ?")
      .Bind(Code(status))
      .Bind(id)
      .Update();
}

void SetPieceStatus(sql::Connection& connection, const std::string& id, const std::string& code,
                    PieceStatus status, const std::string& comment) {
  BoundStatement(connection,
                 "UPDATE pj_cand SET status = ?, comment = ?, updated_at = UTC_TIMESTAMP(3) "
                 "WHERE candidature_id = ? AND piece_code = ?")
      .Bind(Code(status))
      .BindNullableString(comment)
      .Bind(id)
      .Bind(code)
      .Update();
}

void TouchCandidature(sql::Connection& connection, const std::string& id) {
  BoundStatement(connection, "UPDATE candidature SET updated_at = UTC_TIMESTAMP(3) WHERE id = ?")
      .Bind(id)
      .Update();
}

}  // namespace dossier
