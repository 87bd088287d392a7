#pragma once

#include "server/http/Router.h"

namespace dossier {

// Every route of dossierd: the /api/v1 contract with who may
// call each, and the operations endpoints at the root.
Router ApiRouter();

}  // namespace dossier
