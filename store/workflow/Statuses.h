#pragma once

namespace dossier {

// eCandidat's status codes, stored as they are so results can feed it.
namespace candidature_status {
inline constexpr const char* kEnAttente = "AT";    // not transmitted yet
inline constexpr const char* kReceptionne = "RE";  // transmitted, not yet checked
inline constexpr const char* kIncomplet = "IN";
inline constexpr const char* kComplet = "CO";
}  // namespace candidature_status

namespace piece_status {
inline constexpr const char* kEnAttente = "AT";  // nothing uploaded
inline constexpr const char* kTransmise = "TR";
inline constexpr const char* kValidee = "VA";
inline constexpr const char* kRefusee = "RE";
inline constexpr const char* kNonConcerne = "NC";
}  // namespace piece_status

// The French label of a status code, for mails and pages.
const char* CandidatureStatusLabel(const char* code);
const char* PieceStatusLabel(const char* code);

}  // namespace dossier
