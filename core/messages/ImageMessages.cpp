#include "core/messages/ImageMessages.h"

namespace dossier {

std::string UnreadableImageMessage(const std::string& name) {
  return "L'image « " + name +
         " » est endommagée et ne peut pas être lue. Ouvrez-la sur votre appareil pour "
         "vérifier, puis reprenez la photo ou scannez le document à nouveau.";
}

std::string OversizedImageMessage(const std::string& name, int width, int height) {
  return "L'image « " + name + " » mesure " + std::to_string(width) + " × " +
         std::to_string(height) +
         " pixels, bien plus qu'un document réel. Scannez-la à 200 ou 300 dpi, "
         "cela suffit.";
}

}  // namespace dossier
