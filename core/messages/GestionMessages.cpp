#include "core/messages/GestionMessages.h"

#include "core/messages/ApiMessages.h"

namespace dossier::messages {

std::string InvalidFlagFilter(const std::string& flag) {
  return "Le signalement « " + flag +
         " » n'existe pas : choisissez ine_illisible, ine_different, refusee_controle, "
         "unprocessable ou contenu_actif.";
}

std::string InvalidCandidatureStatus() {
  return "Le statut doit être « CO » (dossier complet) ou « IN » (dossier incomplet).";
}

std::string PiecesNotValidated(const std::vector<std::string>& labels) {
  bool several = labels.size() > 1;
  return std::string("Le dossier ne peut pas être déclaré complet : ") +
         (several ? "les pièces " : "la pièce ") + QuotedList(labels) +
         (several ? " ne sont ni validées ni déclarées « Non concerné ». Examinez-les d'abord."
                  : " n'est ni validée ni déclarée « Non concerné ». Examinez-la d'abord.");
}

std::string NoThumbnail() {
  return "Aucun aperçu de cette pièce n'est disponible.";
}

}  // namespace dossier::messages
