#include "core/messages/ImageMessages.h"

namespace dossier {

std::string UnreadableImageMessage(const std::string& name) {
  return "L'image « " + name +
         " » est endommagée et ne peut pas être lue. Ouvrez-la sur votre appareil pour "
         "vérifier, puis reprenez la photo ou scannez le document à nouveau.";
}

std::string OversizedImageMessage(const std::string& name, std::uint64_t width,
                                  std::uint64_t height) {
  return "L'image « " + name + " » mesure " + std::to_string(width) + " × " +
         std::to_string(height) +
         " pixels, bien plus qu'un document réel. Scannez-la à 200 ou 300 dpi, "
         "cela suffit.";
}

std::string TooManyImagePagesMessage(const std::string& name, int limit) {
  return "L'image « " + name + " » contient plus de " + std::to_string(limit) +
         " pages, bien plus qu'un document réel. Déposez seulement les pages demandées.";
}

}  // namespace dossier
