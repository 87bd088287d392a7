#pragma once

#include <optional>
#include <string>

#include "workflow/policy/PiecePolicy.h"

namespace sql {
class Connection;
}

namespace dossier {

// The `piece_justif` table mirrors the policy in force: written at service
// start (insert or update of every type; types no longer in the policy stay,
// since pièces may refer to them), read by servers and workers alike so that
// processes on several machines apply the same limits.
void SeedPieceTypes(sql::Connection& connection, const PiecePolicy& policy);

// The pièce type `code` from the table, its rules completed with the
// policy's defaults for what the table does not hold; nullopt when unknown.
std::optional<PieceType> LoadPieceType(sql::Connection& connection, const std::string& code,
                                       const PiecePolicy& policy);

}  // namespace dossier
