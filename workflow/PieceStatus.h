#pragma once

#include <optional>
#include <string_view>

namespace dossier {

// eCandidat's `type_statut_piece`, stored as its two-letter code. Note that
// "RE" is Refusée here and Réceptionné for a candidature: only the types
// tell them apart.
enum class PieceStatus {
  kEnAttente,    // AT: nothing uploaded
  kTransmise,    // TR
  kValidee,      // VA
  kRefusee,      // RE
  kNonConcerne,  // NC
};

// "AT", "TR", "VA", "RE", "NC".
const char* Code(PieceStatus status);
// The status of a stored code; nullopt for anything else.
std::optional<PieceStatus> ParsePieceStatus(std::string_view code);
// « En attente », « Transmise », « Validée », « Refusée », « Non concerné ».
const char* Label(PieceStatus status);

}  // namespace dossier
