#pragma once

#include <string>
#include <vector>

namespace dossier {

// eCandidat's rule after a gestionnaire's decision on a pièce of a
// transmitted candidature (`current` RE or IN): any pièce refused (RE) makes
// it incomplete (IN); every pièce validated (VA) or not concerned (NC)
// makes it complete (CO); otherwise it stays as it is.
std::string StatusAfterDecision(const std::string& current,
                                const std::vector<std::string>& piece_statuses);

}  // namespace dossier
