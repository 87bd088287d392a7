#pragma once

namespace dossier {

// The four shapes an INE takes (eCandidat's INE formats). Only BEA and base 36
// carry a check key; RNIE (which also covers INES) and apprenti are checked
// by format alone.
enum class IneVariant { Rnie, Bea, Base36, Apprenti };

// The variant's name in reports and logs: "rnie", "bea", "base36", "apprenti".
const char* IneVariantCode(IneVariant variant);

}  // namespace dossier
