#pragma once

#include <string>

namespace dossier {

// Text as the cover's base-14 fonts can show it. Those fonts use WinAnsi
// encoding, which holds every French letter, « », ’, œ and €; PoDoFo silently
// drops what it cannot encode, so other characters (and invalid UTF-8) become
// "?", thin spaces become no-break spaces and control characters spaces. Line
// breaks are kept.
std::string ToWinAnsiRepertoire(const std::string& utf8);

}  // namespace dossier
