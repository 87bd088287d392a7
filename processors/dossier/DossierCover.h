#pragma once

#include <string>
#include <vector>

namespace PoDoFo {
class PdfMemDocument;
}

namespace dossier {

// One line of the cover's table: a pièce as the gestionnaire sees it.
struct CoverPiece {
  std::string label;     // « Relevé de notes du baccalauréat »
  std::string status;    // the pièce's status label: « Validée », « Refusée »…
  std::string precheck;  // PrecheckSummary(): « acceptée, 3 pages, 683 ko »
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
};

// Paints the cover as A4 pages appended to `doc` and returns how many: a
// header, then a table of the pièces (long texts wrapped, continued on further
// pages under a repeated table header). Base-14 Helvetica with WinAnsi
// encoding: French is shown as is, characters outside it as "?" (see
// WinAnsiText.h). Throws PoDoFo::PdfError.
int PaintDossierCover(PoDoFo::PdfMemDocument& doc, const DossierCover& cover);

}  // namespace dossier
