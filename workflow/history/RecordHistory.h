#pragma once

#include "workflow/history/HistoryEntry.h"

namespace sql {
class Connection;
}

namespace dossier {

// Appends `entry` to the candidature's history, dated now (UTC, ms), inside
// the caller's transaction: the line exists if and only if the change it
// records was committed. Lines are never changed after.
void RecordHistory(sql::Connection& connection, const HistoryEntry& entry);

}  // namespace dossier
