#pragma once

#include <string>

namespace dossier::messages {

// When a dossier was transmitted, as the receipt says it to a candidate in
// France: « le 3 décembre 2026 à 16 h 40 », in Paris time. `iso_utc` is the
// receipt's "2026-12-03T15:40:12.345Z". Paris is UTC+1, and UTC+2 from the
// last Sunday of March to the last Sunday of October (at 01:00 UTC both
// ways, the European rule): computed here, so the answer needs no time
// zone database in the process that draws it. Text that is not such a
// timestamp is returned as it is.
std::string ReceiptDateText(const std::string& iso_utc);

}  // namespace dossier::messages
