#pragma once

#include <optional>
#include <string_view>

namespace dossier {

// What a line of a candidature's history (table `historique`) records.
enum class HistoryKind {
  kCreation,      // eCandidat created the candidature (PUT)
  kUpload,        // a new version of a pièce, its files
  kPrecheck,      // the automatic pre-check's result on a version
  kDecision,      // a gestionnaire validated or refused a pièce
  kStatus,        // the candidature's status changed, by hand or after decisions
  kTransmission,  // the candidate transmitted the dossier
  kNonConcerne,   // a pièce declared « Non concerné »
};

// "creation", "upload", "precheck", "decision", "status", "transmission",
// "non_concerne": historique.kind and the API's "kind".
const char* Code(HistoryKind kind);
// The kind of a stored code; nullopt for anything else.
std::optional<HistoryKind> ParseHistoryKind(std::string_view code);

}  // namespace dossier
