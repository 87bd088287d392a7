#pragma once

#include <string>

namespace dossier {

// `text` with every e-mail address in it masked ("c.dupont@univ.fr" →
// "c***@univ.fr"): a log line keeps which domain a failure concerns, never
// whose address it is. Anything else is kept as is.
std::string MaskedEmails(const std::string& text);

}  // namespace dossier
