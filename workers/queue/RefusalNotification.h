#pragma once

#include <string>

#include "store/workflow/Outbox.h"

namespace dossier {

// The mail telling a candidate that a pièce was refused at its upload
// (French): which pièce, why — the report's own sentence — and that a new
// file can be sent until the deadline.
Notification RefusalNotification(const std::string& candidature_id, const std::string& piece_label,
                                 const std::string& formation, const std::string& message);

}  // namespace dossier
