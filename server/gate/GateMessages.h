#pragma once

#include <string>

namespace dossier::messages {

// The French sentences of the answers the gate gives on its own, before any
// route runs, keyed by the machine code of the answer ("bad_header", …).
std::string GateRefusal(const std::string& code);

}  // namespace dossier::messages
