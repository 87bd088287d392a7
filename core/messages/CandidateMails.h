#pragma once

#include <string>
#include <vector>

namespace dossier::messages {

// The mails a candidate receives, as templates with slots (mustache,
// rendered as plain text: nothing is escaped). The texts themselves are at
// the top of CandidateMails.cpp: a mail is edited there, not in the code
// that sends it.

struct Mail {
  std::string subject;
  std::string body;
};

// The candidate's page (`/candidat/{id}`) under the service's public
// address, for a link in a mail; "" when no public address is set, and the
// mail then says « depuis votre espace candidat ». The page's access token
// is not in the link: eCandidat gives the candidate access.
std::string CandidatePageLink(const std::string& public_url, const std::string& candidature_id);

struct RefusedPieceLine {
  std::string label;
  std::string reason;  // the gestionnaire's comment
};

// What the new status means for the candidate: the paragraph the mail
// gives it (the workflow's status chooses; core knows no status code).
enum class StatusParagraph { kWaiting, kTransmitted, kComplete, kIncomplete };

struct CandidatureStatusSlots {
  std::string formation;
  StatusParagraph paragraph = StatusParagraph::kWaiting;
  std::string status_label;               // "Réceptionné", "Complet", …
  std::vector<RefusedPieceLine> refused;  // IN: the pièces refused, each with its reason
  std::string note;                       // the gestionnaire's message; "" when none
  std::string link;                       // CandidatePageLink
};

// The candidature's status changed.
Mail CandidatureStatusMail(const CandidatureStatusSlots& slots);

struct PieceRefusedSlots {
  std::string piece;      // the pièce's label
  std::string formation;  // the formation's name
  std::string reason;     // the gestionnaire's comment, or the pipeline's sentence
  std::string link;       // CandidatePageLink
};

// One pièce was refused, by a gestionnaire or by the automatic check.
Mail PieceRefusedMail(const PieceRefusedSlots& slots);

}  // namespace dossier::messages
