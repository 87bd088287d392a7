#pragma once

#include <string>
#include <vector>

#include "store/workflow/Outbox.h"

namespace dossier {

// The mails a candidate receives, written into the outbox in the
// transaction of the change they announce. French, polite, and saying what
// to do next.

struct RefusedPiece {
  std::string label;
  std::string comment;
};

// kind "candidature_status": the new status by its label; for Incomplet,
// the refused pièces with the gestionnaire's comments.
Notification CandidatureStatusNotice(const std::string& candidature_id,
                                     const std::string& formation, const std::string& status,
                                     const std::vector<RefusedPiece>& refused);

// kind "piece_refused": one pièce refused, and why.
Notification PieceRefusedNotice(const std::string& candidature_id, const std::string& formation,
                                const RefusedPiece& piece);

}  // namespace dossier
