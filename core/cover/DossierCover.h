#pragma once

#include <string>
#include <vector>

namespace dossier {

// One line of the cover's table: a pièce as the gestionnaire sees it.
struct CoverPiece {
  std::string label;     // « Relevé de notes du baccalauréat »
  std::string status;    // the pièce's status label: « Validée », « Refusée »…
  std::string precheck;  // messages::PrecheckSummary(): « acceptée, 3 pages, 683 ko »
  std::string comment;   // the gestionnaire's comment; "" when none
};

// The cover page of "Télécharger mon dossier", as eCandidat puts one before
// the pièces: who, for which formation, and where each pièce stands. Every
// text is UTF-8 as stored.
struct DossierCover {
  std::string candidature_id;
  std::string formation;
  std::string declared_ine;  // "" when the candidate gave none
  std::string status;        // the candidature's status label: « Complet »…
  std::string generated_at;  // as shown: « 12/06/2024 à 09:30 (UTC) »
  std::vector<CoverPiece> pieces;

  // The cover as `dossier assemble --cover` reads it:
  //   {"candidature", "formation", "declared_ine", "status", "generated_at",
  //    "pieces": [{"label", "status", "precheck", "comment"}, …]}
  // every value a string (declared_ine and comment may be "").
  std::string ToJson() const;
  // The cover ToJson wrote; a text missing or null reads as "". Throws
  // JsonParseError (which key, what was expected) for anything else.
  static DossierCover FromJson(const std::string& json);
};

}  // namespace dossier
