#include "core/messages/HistoryMessages.h"

namespace dossier::messages {

std::string ValidatedAsConforme() {
  return "Validée avec les pièces conformes au contrôle automatique.";
}

std::string InvalidBulkDecision() {
  return "Seule la validation des pièces conformes est possible ici : envoyez "
         "{\"validate\": \"conformes\"}.";
}

}  // namespace dossier::messages
