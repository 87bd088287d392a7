#pragma once

#include <string>

#include "server/http/TrustedProxies.h"

namespace dossier {

// The client a request comes from: the peer, unless the peer is a trusted
// proxy; then the right-most X-Forwarded-For address that is not itself a
// trusted proxy (each proxy appends the address it saw, so only the right
// end is vouched for; anything further left may be the client's own lie).
// `forwarded_for`: every X-Forwarded-For line, joined by ','. A malformed
// hop stops the walk at the last good address.
std::string ClientAddressOf(const std::string& peer, const std::string& forwarded_for,
                            const TrustedProxies& trusted);

}  // namespace dossier
