#pragma once

#include <string>

#include "core/errors/ErrorCode.h"

namespace dossier::messages {

// The catalogue's sentence for each client error when nothing more precise
// is known: the gate's own answers (before any route runs), the service's
// unavailability, the generic form of a sentence that names a field or a
// pièce elsewhere in this folder. Every ErrorCode has one.
std::string ErrorSentence(ErrorCode code);

}  // namespace dossier::messages
