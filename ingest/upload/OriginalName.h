#pragma once

#include <string>

namespace dossier {

// The name a browser gave a file part, made safe to keep as data (the
// `fichier.original_name` column, messages, reports): only the last path
// component (old browsers send "C:\Users\…\releve.pdf"), no control
// characters, valid UTF-8 (invalid bytes become U+FFFD), at most 255 bytes
// cut on a character boundary. Never used to build a path. Empty when
// nothing is left.
std::string CleanOriginalName(const std::string& sent);

}  // namespace dossier
