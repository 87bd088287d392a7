#pragma once

#include <string>
#include <vector>

namespace sql {
class Connection;
}

namespace dossier {

// The rows the workflow routes decide on, read inside their transaction.
struct CandidatureRow {
  std::string id;
  std::string formation;
  std::string status;
};

struct PieceRow {
  std::string code;
  std::string label;
  std::string status;
  std::string comment;
  bool mandatory = true;
  bool conditional = false;  // the pièce type allows « Non concerné »
  int version = 0;
};

// The candidature, locked (FOR UPDATE) until the transaction ends; HttpError
// 404 when it does not exist.
CandidatureRow LockCandidature(sql::Connection& connection, const std::string& id);
// One pièce of it, locked; HttpError 404 when not required for it.
PieceRow LockPiece(sql::Connection& connection, const std::string& id, const std::string& code);
// Every pièce of it, in cover-page order.
std::vector<PieceRow> PiecesOf(sql::Connection& connection, const std::string& id);

// Sets the status (and updated_at) of the candidature.
void SetCandidatureStatus(sql::Connection& connection, const std::string& id,
                          const std::string& status);
// Marks the candidature as changed (the gestionnaire list sorts on it).
void TouchCandidature(sql::Connection& connection, const std::string& id);

}  // namespace dossier
