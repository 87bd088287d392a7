#include "workflow/StatusNotices.h"

#include "core/messages/CandidateMails.h"

namespace dossier {
namespace {

messages::StatusParagraph ParagraphOf(CandidatureStatus status) {
  switch (status) {
    case CandidatureStatus::kReceptionne:
      return messages::StatusParagraph::kTransmitted;
    case CandidatureStatus::kComplet:
      return messages::StatusParagraph::kComplete;
    case CandidatureStatus::kIncomplet:
      return messages::StatusParagraph::kIncomplete;
    case CandidatureStatus::kEnAttente:
      break;
  }
  return messages::StatusParagraph::kWaiting;
}

}  // namespace

Notification CandidatureStatusNotice(const std::string& candidature_id,
                                     const std::string& formation, CandidatureStatus status,
                                     const std::vector<RefusedPiece>& refused,
                                     const std::string& note, const std::string& public_url) {
  messages::CandidatureStatusSlots slots;
  slots.formation = formation;
  slots.paragraph = ParagraphOf(status);
  slots.status_label = Label(status);
  for (const RefusedPiece& piece : refused) slots.refused.push_back({piece.label, piece.comment});
  slots.note = note;
  slots.link = messages::CandidatePageLink(public_url, candidature_id);
  messages::Mail mail = messages::CandidatureStatusMail(slots);
  return {candidature_id, "candidature_status", mail.subject, mail.body};
}

Notification PieceRefusedNotice(const std::string& candidature_id, const std::string& formation,
                                const RefusedPiece& piece, const std::string& public_url) {
  messages::Mail mail =
      messages::PieceRefusedMail({piece.label, formation, piece.comment,
                                  messages::CandidatePageLink(public_url, candidature_id)});
  return {candidature_id, "piece_refused", mail.subject, mail.body};
}

}  // namespace dossier
