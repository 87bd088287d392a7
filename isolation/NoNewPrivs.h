#pragma once

namespace dossier {

// PR_SET_NO_NEW_PRIVS: no exec can raise privileges again (set-uid
// binaries, file capabilities), and an unprivileged process may install a
// seccomp filter. Async-signal-safe. False when refused.
bool SetNoNewPrivs();

}  // namespace dossier
