#pragma once

#include <string>

namespace dossier {

// Sentences for candidates about image files.
std::string UnreadableImageMessage(const std::string& name);
std::string OversizedImageMessage(const std::string& name, int width, int height);

}  // namespace dossier
