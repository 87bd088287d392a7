#include "server/routes/StatusNotices.h"

#include "store/workflow/Statuses.h"

namespace dossier {
namespace {

const char* const kGreeting = "Bonjour,\n\n";
const char* const kSignature = "\n\nCordialement,\nLe service des candidatures";

// The formation's name for a subject line (outbox.subject holds 255
// characters): cut at a character boundary.
std::string ForSubject(const std::string& formation) {
  const std::size_t kMax = 150;
  if (formation.size() <= kMax) return formation;
  std::size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(formation[cut]) & 0xC0) == 0x80) --cut;
  return formation.substr(0, cut) + "…";
}

std::string WhatItMeans(const std::string& status, const std::vector<RefusedPiece>& refused) {
  if (status == "RE")
    return "Votre dossier a bien été transmis. Il va être examiné par un gestionnaire ; vous "
           "serez prévenu par courriel de la suite.";
  if (status == "CO")
    return "Toutes les pièces de votre dossier ont été validées : il est complet. Vous n'avez "
           "plus rien à faire.";
  if (status == "IN") {
    std::string text = "Votre dossier est incomplet.";
    if (!refused.empty()) {
      text += refused.size() > 1 ? " Les pièces suivantes ont été refusées :\n"
                                 : " La pièce suivante a été refusée :\n";
      for (const RefusedPiece& piece : refused)
        text += "\n- " + piece.label + " : " + piece.comment;
      text += "\n\n";
    } else {
      text += " ";
    }
    return text +
           "Déposez une nouvelle version de chaque pièce refusée, puis transmettez à nouveau "
           "votre dossier avant la date limite.";
  }
  return "Votre dossier est en attente de transmission.";
}

}  // namespace

Notification CandidatureStatusNotice(const std::string& candidature_id,
                                     const std::string& formation, const std::string& status,
                                     const std::vector<RefusedPiece>& refused) {
  std::string label = CandidatureStatusLabel(status.c_str());
  Notification notice;
  notice.candidature_id = candidature_id;
  notice.kind = "candidature_status";
  notice.subject = "Votre candidature « " + ForSubject(formation) + " » : " + label;
  notice.body = kGreeting + std::string("Le statut de votre candidature à la formation « ") +
                formation + " » est désormais « " + label + " ».\n\n" +
                WhatItMeans(status, refused) + kSignature;
  return notice;
}

Notification PieceRefusedNotice(const std::string& candidature_id, const std::string& formation,
                                const RefusedPiece& piece) {
  Notification notice;
  notice.candidature_id = candidature_id;
  notice.kind = "piece_refused";
  notice.subject = "Pièce refusée : " + piece.label;
  notice.body = kGreeting + std::string("La pièce « ") + piece.label +
                " » de votre candidature à la formation « " + formation +
                " » a été refusée pour le motif suivant : " + piece.comment +
                "\n\nDéposez une nouvelle version de cette pièce, puis transmettez à nouveau "
                "votre dossier avant la date limite." +
                kSignature;
  return notice;
}

}  // namespace dossier
