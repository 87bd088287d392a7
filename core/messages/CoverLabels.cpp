#include "core/messages/CoverLabels.h"

#include "core/text/FrenchFormat.h"

namespace dossier::messages {
namespace {

std::string RefusalWords(const std::string& reason) {
  if (reason == "size") return "trop volumineuse";
  if (reason == "format") return "format non accepté";
  if (reason == "pages") return "trop de pages";
  if (reason == "corrupt") return "fichier endommagé ou illisible";
  if (reason == "encrypted") return "protégée par un mot de passe";
  if (reason == "empty") return "fichier vide";
  if (reason == "limits") return "dépasse les limites de traitement";
  return "";
}

std::string IneWords(const std::string& verdict) {
  if (verdict == "conforme") return "INE conforme";
  if (verdict == "different") return "INE différent de celui déclaré";
  if (verdict == "illisible") return "INE illisible";
  if (verdict == "absent") return "INE introuvable";
  return "";  // not checked
}

std::string Accepted(const PrecheckFacts& facts) {
  std::string text = "acceptée";
  if (facts.pages > 0) text += ", " + FrenchPages(facts.pages);
  if (facts.output_bytes > 0) text += ", " + FrenchSize(facts.output_bytes);
  std::string ine = IneWords(facts.ine_verdict);
  if (!ine.empty()) text += ", " + ine;
  return text;
}

}  // namespace

std::string CoverTitle() {
  return "Dossier de candidature";
}

std::string DossierTitle(const std::string& candidature_id, const std::string& formation) {
  return CoverTitle() + " " + candidature_id + " — " + formation;
}

std::vector<std::string> CoverColumnTitles() {
  return {"Pièce", "Statut", "Pré-contrôle", "Commentaire du gestionnaire"};
}

std::string CoverCandidatureLine(const std::string& candidature_id) {
  return "Candidature : " + candidature_id;
}

std::string CoverIneLine(const std::string& declared_ine) {
  return "INE déclaré : " + (declared_ine.empty() ? std::string("non renseigné") : declared_ine);
}

std::string CoverStatusLine(const std::string& status_label) {
  return "Statut de la candidature : " + status_label;
}

std::string CoverGeneratedLine(const std::string& generated_at) {
  return "Document généré le " + generated_at;
}

const char* CoverDateFormat() {
  return "%d/%m/%Y à %H:%M (UTC)";
}

std::string CoverPiecesHeading(std::size_t pieces) {
  return "Pièces justificatives (" + std::to_string(pieces) + ")";
}

std::string CoverContinued(const std::string& heading) {
  return heading + " (suite)";
}

std::string CoverNoPiece() {
  return "Aucune pièce n'est demandée.";
}

std::string CoverFooter(const std::string& candidature_id, std::size_t page, std::size_t pages) {
  return "Candidature " + candidature_id + " — page de garde " + std::to_string(page) + " / " +
         std::to_string(pages);
}

std::string PrecheckSummary(const PrecheckFacts& facts) {
  if (facts.not_concerned) return "non concernée";
  if (facts.current_version <= 0) return "non fournie";
  if (facts.outcome.empty()) return "en cours de traitement";
  if (facts.outcome == "accepted") return Accepted(facts);
  if (facts.outcome == "refused") {
    std::string why = RefusalWords(facts.reason);
    return why.empty() ? "refusée" : "refusée : " + why;
  }
  return "n'a pas pu être traitée";
}

}  // namespace dossier::messages
