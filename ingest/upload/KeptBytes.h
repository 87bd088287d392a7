#pragma once

#include <cstdint>
#include <string>

namespace sql {
class Connection;
}

namespace dossier {

// The bytes of originals the candidature will keep beside a new upload to
// `piece_code`: the files of each pièce's last `kept_versions` versions, one
// fewer for `piece_code` (the upload becomes one of its kept versions).
// Versions the upload pushes out are not counted: they are removed once
// their job is over (PruneReplacedVersions), so replacing a pièce is never
// refused for the bytes of the version it replaces.
std::uint64_t KeptBytes(sql::Connection& connection, const std::string& candidature_id,
                        const std::string& piece_code, int kept_versions);

}  // namespace dossier
