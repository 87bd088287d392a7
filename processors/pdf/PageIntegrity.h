#pragma once

#include <optional>
#include <string>

namespace dossier {

struct PageDefect {
  int page = 0;      // 1-based; 0 when the page tree itself is broken
  std::string what;  // qpdf's words, for the logs
};

// The first page of `pdf` whose content a reader cannot decode or parse,
// found the way `qpdf --check` does (page tree walked, every content stream
// decoded and parsed), then any other stream that does not decode (page 0):
// an accepted output passes `qpdf --check` without a warning. JPEG images are
// checked by their signature only: decoding every picture again would cost
// more than the rest of the check.
std::optional<PageDefect> FindUnreadablePage(const std::string& pdf);

}  // namespace dossier
