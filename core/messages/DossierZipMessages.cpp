#include "core/messages/DossierZipMessages.h"

#include "core/messages/ApiMessages.h"

namespace dossier::messages {

std::string ExpectedDossierIds(std::size_t max) {
  return InvalidField("ids", "une liste de 1 à " + std::to_string(max) +
                                 " identifiants de candidature est attendue");
}

std::string NoDossierAsked() {
  return "Aucun dossier demandé : sélectionnez au moins une candidature.";
}

std::string TooManyDossiers(std::size_t asked, std::size_t max) {
  return std::to_string(asked) + " dossiers demandés : une archive en contient " +
         std::to_string(max) + " au plus. Téléchargez la sélection en plusieurs fois.";
}

std::string InvalidDossierId(std::size_t position) {
  return "L'élément n° " + std::to_string(position) +
         " de « ids » n'est pas un identifiant de candidature : de 1 à 64 caractères, lettres "
         "sans accent, chiffres, tirets ou soulignés.";
}

std::string DossierAskedTwice(const std::string& id) {
  return "La candidature « " + id +
         " » est demandée deux fois : chaque dossier ne figure qu'une fois dans l'archive.";
}

std::string UnknownDossier(const std::string& id) {
  return "La candidature « " + id +
         " » est introuvable : aucun dossier n'a été préparé. Retirez-la de la sélection et "
         "recommencez.";
}

std::string DossierNotReadyInArchive(const std::string& id) {
  return "Le dossier de la candidature « " + id +
         " » n'est pas encore disponible : aucune pièce vérifiée pour l'instant.\n";
}

std::string DossierFailedInArchive(const std::string& id) {
  return "Le dossier de la candidature « " + id +
         " » n'a pas pu être assemblé. Téléchargez-le seul depuis sa fiche ou réessayez plus "
         "tard ; si l'erreur persiste, signalez-la à l'assistance.\n";
}

std::string DossierBusyInArchive(const std::string& id) {
  return "Le dossier de la candidature « " + id +
         " » n'a pas pu être préparé : le service assemble beaucoup de dossiers en ce moment. "
         "Téléchargez-le seul depuis sa fiche dans quelques instants.\n";
}

std::string DossierProgramsBusy() {
  return "Le service prépare beaucoup de dossiers en ce moment. Patientez quelques secondes "
         "puis recommencez.";
}

}  // namespace dossier::messages
