#include "processors/dossier/PrecheckSummary.h"

#include "processors/core/FrenchFormat.h"

namespace dossier {
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

std::string PrecheckSummary(const PrecheckFacts& facts) {
  if (facts.piece_status == "NC") return "non concernée";
  if (facts.current_version <= 0) return "non fournie";
  if (facts.outcome.empty()) return "en cours de traitement";
  if (facts.outcome == "accepted") return Accepted(facts);
  if (facts.outcome == "refused") {
    std::string why = RefusalWords(facts.reason);
    return why.empty() ? "refusée" : "refusée : " + why;
  }
  return "n'a pas pu être traitée";
}

}  // namespace dossier
