#pragma once

#include <optional>
#include <string_view>

namespace dossier {

// eCandidat's `type_statut` of a candidature, stored as its two-letter code
// so that results can feed eCandidat as they are.
enum class CandidatureStatus {
  kEnAttente,    // AT: not transmitted yet
  kReceptionne,  // RE: transmitted, not yet checked
  kIncomplet,    // IN: a pièce must be replaced
  kComplet,      // CO
};

// "AT", "RE", "IN", "CO".
const char* Code(CandidatureStatus status);
// The status of a stored code; nullopt for anything else.
std::optional<CandidatureStatus> ParseCandidatureStatus(std::string_view code);
// « En attente », « Réceptionné », « Incomplet », « Complet ».
const char* Label(CandidatureStatus status);

}  // namespace dossier
