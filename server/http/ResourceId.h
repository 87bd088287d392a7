#pragma once

#include <string>

namespace dossier {

// Candidature ids and pièce codes as the API accepts them in paths and
// bodies: 1 to 64 of [A-Za-z0-9_-]. Nothing else reaches SQL or a file name
// (a download's Content-Disposition is built from them).
bool IsResourceId(const std::string& text);

}  // namespace dossier
