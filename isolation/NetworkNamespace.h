#pragma once

namespace dossier {

// Moves the calling process into a network namespace of its own, with only
// a loopback that is down: no route to the host's loopback (the database,
// the service's port) nor to anything else. False where it is not permitted
// (no CAP_SYS_ADMIN, a container that forbids it): the syscall filter still
// refuses sockets.
bool EnterOwnNetwork();

}  // namespace dossier
