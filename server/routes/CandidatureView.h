#pragma once

#include <Poco/JSON/Object.h>

#include <string>

namespace sql {
class Connection;
}

namespace dossier {

struct UploadLimits;

// The candidature as GET /api/v1/candidatures/{id} shows it (PUT, transmit
// and the decisions answer with it too): its status, and for each pièce in
// cover-page order its status, the gestionnaire's comment, the current
// version's files and pre-check (`processing`, the worker's `report` and
// `message`, whether a `thumbnail` preview exists), and the limits the
// candidate is told about: each pièce's, the deadline (`date_limite`), and
// the door's per-request caps from `limits` (`max_file_bytes`,
// `max_files`), so the page refuses a file before sending it. `recepisse`
// is null until the dossier was transmitted, then {"transmitted_at"} of the
// latest receipt.
// Throws ClientError kNotFound when the candidature does not exist.
Poco::JSON::Object::Ptr CandidatureJson(sql::Connection& connection, const std::string& id,
                                        const UploadLimits& limits);

}  // namespace dossier
