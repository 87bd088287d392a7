#include "workers/queue/RefusalNotification.h"

#include "core/messages/CandidateMails.h"

namespace dossier {

Notification RefusalNotification(const std::string& candidature_id, const std::string& piece_label,
                                 const std::string& formation, const std::string& message,
                                 const std::string& public_url) {
  messages::Mail mail = messages::PieceRefusedMail(
      {piece_label, formation, message, messages::CandidatePageLink(public_url, candidature_id)});
  return {candidature_id, "piece_refused", mail.subject, mail.body};
}

}  // namespace dossier
