#pragma once

#include <string>

#include "ingest/upload/CandidatureQuota.h"

namespace sql {
class Connection;
}

namespace dossier {

// Takes one upload from the candidature's allowance (`upload_burst` uploads,
// one more every `upload_interval_seconds`), kept in `upload_allowance` so
// that every server process shares it, in its own short transaction.
// Returns 0 when the upload may go on, else the whole seconds until one may
// (and takes nothing). The candidature must exist.
int TakeUploadAllowance(sql::Connection& connection, const std::string& candidature_id,
                        const CandidatureQuota& quota);

}  // namespace dossier
