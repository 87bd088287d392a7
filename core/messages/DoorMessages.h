#pragma once

#include <string>

#include "core/errors/ErrorCode.h"

namespace dossier::messages {

// The sentence of a refusal made at the door, before any route runs: the
// request head's framing, its deadline, the caps per address, a body sent
// without a token. Every other refusal is made where its sentence can name
// the pièce, the field or the limit (the other files of this folder).
std::string DoorRefusal(ErrorCode code);

}  // namespace dossier::messages
