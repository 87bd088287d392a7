#pragma once

#include <string>

#include "store/tables/Outbox.h"

namespace dossier {

// The mail telling a candidate that the automatic check refused a pièce:
// the same "pièce refusée" mail as a gestionnaire's refusal
// (core/messages/CandidateMails.h), the reason being the report's own
// sentence. `public_url`: the service's address as candidates reach it, for
// a link to their page ("" none).
Notification RefusalNotification(const std::string& candidature_id, const std::string& piece_label,
                                 const std::string& formation, const std::string& message,
                                 const std::string& public_url);

}  // namespace dossier
