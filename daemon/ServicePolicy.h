#pragma once

#include <string>

#include "workflow/policy/PiecePolicy.h"

namespace dossier {

// The pièce policy of dossierd and of its worker processes, which must agree:
// `policy_file` (--policy) when given, else the built-in one. Throws
// PolicyError for a file that cannot be read or is not a valid policy.
PiecePolicy LoadServicePolicy(const std::string& policy_file);

}  // namespace dossier
