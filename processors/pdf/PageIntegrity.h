#pragma once

#include <optional>
#include <string>

namespace dossier {

struct PageDefect {
  int page = 0;      // 1-based; 0 when the page tree itself is broken
  std::string what;  // qpdf's words, for the logs
};

// The first page of `pdf` whose content a reader cannot decode, found the way
// `qpdf --check` does (page tree walked, every content stream decoded).
// Images are not decoded: a damaged image still shows what it holds.
std::optional<PageDefect> FindUnreadablePage(const std::string& pdf);

}  // namespace dossier
