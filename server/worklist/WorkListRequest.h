#pragma once

#include "server/worklist/WorkListFilter.h"

namespace dossier {

class RequestContext;

// The work list's filter from the request's query string (repeated `flag`
// and `id` included). Throws ClientError as ParseWorkListFilter does.
WorkListFilter WorkListFilterOf(RequestContext& context);

}  // namespace dossier
