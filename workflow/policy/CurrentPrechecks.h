#pragma once

#include <optional>
#include <string>
#include <vector>

#include "workflow/policy/ConformePieces.h"

namespace sql {
class Connection;
}

namespace dossier {

// A pièce of a candidature and the pre-check of its current version
// (nullopt: nothing uploaded, or still being processed).
struct PiecePrecheck {
  std::string piece_code;
  std::optional<CurrentPrecheck> precheck;
};

// Every pièce of the candidature with its current pre-check, in cover-page
// order, inside the caller's transaction: the pièces' rows are locked
// first (FOR UPDATE), then the pre-checks read. A worker's refusal locks
// the pièce before it writes its pre-check, so it either committed before
// (and is read here) or waits for the caller's commit (and then finds the
// pièce decided). Call it before any other plain read of the transaction,
// whose snapshot would be older than the locks. The pre-check rows
// themselves are not locked: a worker's insert never waits for this
// transaction while holding a pièce it needs. A stored code this service
// does not know reads as its most prudent value (unprocessable, INE
// illisible): it is never validated without a person.
std::vector<PiecePrecheck> LockCurrentPrechecks(sql::Connection& connection,
                                                const std::string& candidature_id);

}  // namespace dossier
