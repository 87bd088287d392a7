#pragma once

namespace dossier {

// PoDoFo logs "Fixing references…" and debug lines to stderr on every merge;
// a service's stderr is its log, so silence them. Idempotent.
void QuietPodofo();

}  // namespace dossier
