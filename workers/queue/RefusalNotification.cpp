#include "workers/queue/RefusalNotification.h"

namespace dossier {

Notification RefusalNotification(const std::string& candidature_id, const std::string& piece_label,
                                 const std::string& formation, const std::string& message) {
  Notification notification;
  notification.candidature_id = candidature_id;
  notification.kind = "piece_refused";
  notification.subject = "Pièce refusée : " + piece_label;
  notification.body =
      "Bonjour,\n\n"
      "La pièce « " +
      piece_label + " » que vous avez déposée pour votre candidature « " + formation +
      " » n'a pas pu être acceptée :\n\n" + message +
      "\n\n"
      "Vous pouvez déposer un nouveau fichier pour cette pièce depuis votre espace candidat, "
      "jusqu'à la date limite de la formation.\n\n"
      "Cordialement,\n"
      "Le service des candidatures";
  return notification;
}

}  // namespace dossier
