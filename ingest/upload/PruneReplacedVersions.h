#pragma once

#include <string>

namespace sql {
class Connection;
}

namespace dossier {

class BlobStore;

// Removes the files of the candidature's versions that fell behind their
// pièce's last `kept_versions` versions and whose job is over (never the
// current version, never one a worker may still read): their originals,
// processed PDF and preview. The order makes a crash harmless: the versions
// are first marked `purged_at` in a committed transaction, and only then are
// their files removed, so a crash between leaves files no row refers to,
// never a row whose files are gone. Returns how many versions were purged.
int PruneReplacedVersions(sql::Connection& connection, const BlobStore& store,
                          const std::string& candidature_id, int kept_versions);

}  // namespace dossier
