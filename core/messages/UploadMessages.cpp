#include "core/messages/UploadMessages.h"

#include "core/text/FrenchFormat.h"

namespace dossier {

std::string FileTooLargeMessage(const std::string& name, std::uint64_t limit) {
  return "Le fichier « " + name + " » dépasse " + FrenchSize(limit) +
         ", le maximum accepté pour un fichier. Scannez le document en 200 ou 300 dpi "
         "plutôt qu'en 600 dpi, puis déposez-le à nouveau.";
}

std::string TooManyFilesMessage(int limit) {
  return "Vous avez déposé plus de " + std::to_string(limit) +
         " fichiers pour cette pièce, le maximum accepté. Déposez seulement les documents "
         "demandés, ou regroupez les pages dans un même PDF.";
}

std::string QuotaExceededMessage(std::uint64_t limit) {
  return "Cet envoi n'a pas été enregistré : avec lui, les fichiers de votre candidature "
         "dépasseraient " +
         FrenchSize(limit) +
         ", le maximum accepté. Déposez des fichiers plus légers : un scan en 200 ou 300 dpi "
         "suffit.";
}

std::string StorageFullMessage() {
  return "Le service ne peut pas enregistrer de fichier pour le moment. Votre dépôt n'a pas "
         "été enregistré : réessayez dans quelques minutes.";
}

std::string MalformedUploadMessage() {
  return "L'envoi n'a pas pu être lu. Rechargez la page puis déposez à nouveau vos fichiers.";
}

std::string InterruptedUploadMessage() {
  return "L'envoi a été interrompu avant la fin, sans doute à cause d'une connexion "
         "instable : aucun fichier n'a été enregistré. Déposez à nouveau vos fichiers.";
}

std::string IdempotencyConflictMessage() {
  return "Cet envoi porte le même identifiant qu'un envoi précédent, mais avec d'autres "
         "fichiers. Rechargez la page puis déposez à nouveau vos fichiers.";
}

std::string RequestTooLargeMessage(std::uint64_t limit) {
  return "L'envoi dépasse " + FrenchSize(limit) +
         ", le maximum accepté en une fois pour une pièce. Un scan en 200 ou 300 dpi suffit "
         "(plutôt que 600 dpi) : réduisez la taille de vos fichiers puis déposez-les à "
         "nouveau.";
}

std::string UploadReceivedMessage(std::size_t file_count) {
  std::string files =
      file_count > 1 ? std::to_string(file_count) + " fichiers reçus" : "1 fichier reçu";
  return files + ", traitement en cours : le résultat s'affichera dans quelques instants.";
}

}  // namespace dossier
