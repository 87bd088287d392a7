#pragma once

#include <string_view>

#include "core/sniff/FileKind.h"

namespace dossier {

struct SniffResult {
  FileKind kind = FileKind::Unknown;
  // The file starts like its kind but stops before its end marker (JPEG EOI,
  // PNG IEND, PDF %%EOF): an interrupted upload or copy.
  bool truncated = false;
};

// Judges a file by its first and last bytes; reads nothing else.
SniffResult Sniff(std::string_view bytes);

}  // namespace dossier
