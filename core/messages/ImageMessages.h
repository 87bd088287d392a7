#pragma once

#include <cstdint>
#include <string>

namespace dossier {

// Sentences for candidates about image files.
std::string UnreadableImageMessage(const std::string& name);
std::string OversizedImageMessage(const std::string& name, std::uint64_t width,
                                  std::uint64_t height);
// A multi-page image (TIFF) past the hard cap on pages in one file.
std::string TooManyImagePagesMessage(const std::string& name, int limit);

}  // namespace dossier
