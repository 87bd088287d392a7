#pragma once

#include <string>
#include <vector>

#include "workflow/CandidatureRow.h"
#include "workflow/CandidatureStatus.h"
#include "workflow/PieceRow.h"

namespace sql {
class Connection;
}

namespace dossier {

// The rows the workflow decides on, read inside their transaction. A code
// the schema's CHECK would refuse is an internal error (std::runtime_error).

// The candidature, locked (FOR UPDATE) until the transaction ends;
// ClientError kNotFound when it does not exist.
CandidatureRow LockCandidature(sql::Connection& connection, const std::string& id);
// One pièce of it, locked; ClientError kNotFound when not required for it.
PieceRow LockPiece(sql::Connection& connection, const std::string& id, const std::string& code);
// The same rows read without a lock, for a check made before a request's
// body is read; whoever writes reads them again with Lock….
CandidatureRow FindCandidature(sql::Connection& connection, const std::string& id);
PieceRow FindPiece(sql::Connection& connection, const std::string& id, const std::string& code);
// Every pièce of it, in cover-page order.
std::vector<PieceRow> PiecesOf(sql::Connection& connection, const std::string& id);

// Sets the status (and updated_at) of the candidature.
void SetCandidatureStatus(sql::Connection& connection, const std::string& id,
                          CandidatureStatus status);
// Sets the status, the comment (NULL when empty) and updated_at of a pièce.
void SetPieceStatus(sql::Connection& connection, const std::string& id, const std::string& code,
                    PieceStatus status, const std::string& comment);
// Marks the candidature as changed (the gestionnaire list sorts on it).
void TouchCandidature(sql::Connection& connection, const std::string& id);

}  // namespace dossier
