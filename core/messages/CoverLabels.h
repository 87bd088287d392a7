#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace dossier::messages {

// The words of the dossier's cover page (processors/dossier/DossierCover),
// as eCandidat's own cover puts them: for the gestionnaire, in French.

std::string CoverTitle();  // « Dossier de candidature »
// The dossier PDF's title (its document information).
std::string DossierTitle(const std::string& candidature_id, const std::string& formation);
std::vector<std::string> CoverColumnTitles();  // the table's four columns
std::string CoverCandidatureLine(const std::string& candidature_id);
std::string CoverIneLine(const std::string& declared_ine);  // "" : « non renseigné »
std::string CoverStatusLine(const std::string& status_label);
std::string CoverGeneratedLine(const std::string& generated_at);
// Poco::DateTimeFormatter's format of `generated_at`: « 12/06/2024 à 09:30 (UTC) ».
const char* CoverDateFormat();
std::string CoverPiecesHeading(std::size_t pieces);  // « Pièces justificatives (5) »
std::string CoverContinued(const std::string& heading);
std::string CoverNoPiece();
std::string CoverFooter(const std::string& candidature_id, std::size_t page, std::size_t pages);

// What the workflow knows about one pièce, as the cover summarises it.
struct PrecheckFacts {
  bool not_concerned = false;      // the pièce is « Non concerné » (pj_cand.status NC)
  int current_version = 0;         // 0: nothing uploaded yet
  std::string outcome;             // precheck.outcome; "" while not processed
  std::string reason;              // the refusal's reason code (size, format, …)
  std::string ine_verdict;         // conforme, different, illisible, absent, non_verifie or ""
  int pages = 0;                   // of the processed PDF; 0 when unknown
  std::uint64_t output_bytes = 0;  // of the processed PDF; 0 when unknown
};

// The pre-check in a few French words for the cover: « acceptée, 3 pages,
// 683 ko, INE conforme », « refusée : trop volumineuse », « en cours de
// traitement », « non fournie », « non concernée ».
std::string PrecheckSummary(const PrecheckFacts& facts);

}  // namespace dossier::messages
