#include "processors/pdf/PdfMessages.h"

namespace dossier {

std::string DamagedPdfMessage(const std::string& name) {
  return "Le fichier PDF « " + name +
         " » est endommagé et ne peut pas être lu. Ouvrez-le sur votre ordinateur pour "
         "vérifier, puis enregistrez-le à nouveau en PDF ou scannez le document.";
}

std::string PasswordPdfMessage(const std::string& name) {
  return "Le fichier PDF « " + name +
         " » est protégé par un mot de passe : la commission ne pourrait pas l'ouvrir. "
         "Déposez une version sans mot de passe (dans votre lecteur PDF : Imprimer > "
         "Enregistrer au format PDF).";
}

std::string DamagedPageMessage(const std::string& name, int page) {
  if (page <= 0) return DamagedPdfMessage(name);
  return "La page " + std::to_string(page) + " du fichier « " + name +
         " » est endommagée : son contenu ne peut pas être affiché. Ouvrez le fichier pour "
         "vérifier, puis enregistrez-le à nouveau en PDF ou scannez le document.";
}

std::string TooManyPagesInFileMessage(const std::string& name, int pages, int limit) {
  return "Le fichier « " + name + " » annonce " + std::to_string(pages) +
         " pages, bien plus qu'un document réel (" + std::to_string(limit) +
         " au maximum). Déposez seulement les pages demandées.";
}

}  // namespace dossier
