#pragma once

#include <string>
#include <vector>

namespace dossier {

// `dossier assemble --cover COVER.json -o OUT.pdf [PIECE.pdf...]`: the whole
// dossier as one PDF, the cover (JSON, see core/cover/DossierCover.h) then
// every pièce in order. The pièces come from candidates, so the assembly
// runs in a limited child process. OUT is written durably (temp file beside
// it, fsync, rename). Exit 0 done, 1 error, 2 usage.
int RunAssembleCommand(const std::vector<std::string>& args);

}  // namespace dossier
