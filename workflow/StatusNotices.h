#pragma once

#include <string>
#include <vector>

#include "store/tables/Outbox.h"
#include "workflow/CandidatureStatus.h"

namespace dossier {

// The mails a candidate receives about the workflow, written into the
// outbox in the transaction of the change they announce. Their texts are
// templates in core/messages/CandidateMails.cpp.

struct RefusedPiece {
  std::string label;
  std::string comment;
};

// kind "candidature_status": the new status by its label; for Incomplet,
// the refused pièces with the gestionnaire's comments. `note`: the
// gestionnaire's message ("" none). `public_url`: the service's address as
// candidates reach it (ServerSettings::public_url), for a link to their
// page ("" none).
Notification CandidatureStatusNotice(const std::string& candidature_id,
                                     const std::string& formation, CandidatureStatus status,
                                     const std::vector<RefusedPiece>& refused,
                                     const std::string& note, const std::string& public_url);

// kind "piece_refused": one pièce refused, and why: the gestionnaire's comment,
// or the automatic check's own sentence (CompleteJob). The same mail either way.
Notification PieceRefusedNotice(const std::string& candidature_id, const std::string& formation,
                                const RefusedPiece& piece, const std::string& public_url);

}  // namespace dossier
