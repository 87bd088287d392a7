#pragma once

#include <string>

namespace dossier {

class RequestContext;

// The {id} and {code} of a route's path, checked (IsResourceId): anything
// else cannot name a candidature or a pièce, so it is a 404.
std::string CandidatureIdParam(const RequestContext& context);
std::string PieceCodeParam(const RequestContext& context);

}  // namespace dossier
