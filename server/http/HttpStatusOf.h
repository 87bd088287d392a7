#pragma once

#include "core/errors/ErrorCode.h"

namespace dossier {

// The HTTP status a client error is answered with: the one place where the
// service's reasons meet HTTP.
int HttpStatusOf(ErrorCode code);

}  // namespace dossier
