#pragma once

namespace dossier {

// The four shapes an INE takes (eCandidat's INE formats). Only BEA and base 36
// carry a check key; RNIE (which also covers INES) and apprenti are checked
// by format alone.
enum class IneVariant { Rnie, Bea, Base36, Apprenti };

// The variant's name in reports and logs: "rnie", "bea", "base36", "apprenti".
const char* IneVariantCode(IneVariant variant);

// The variant's shape, one letter per position: D a digit, R a letter of
// A-H J K, L any capital, X a digit or a capital, A the letter A itself.
// RNIE "DDDDDDDDDRR", BEA "DDDDDDDDDDL", base 36 "XXXXXXXXXXD", apprenti
// "DDDDADDDDDL".
const char* IneVariantPattern(IneVariant variant);

}  // namespace dossier
