#include "workflow/retention/CachedPdfNames.h"

#include <cctype>
#include <cstddef>

namespace dossier {
namespace {

constexpr std::size_t kFingerprintLength = 64;  // SHA-256 in hex

bool AllOf(const std::string& text, int (*accepts)(int)) {
  if (text.empty()) return false;
  for (char c : text)
    if (!accepts(static_cast<unsigned char>(c))) return false;
  return true;
}

// What follows "<id>-" and precedes ".pdf"; false when the name is not so.
bool Middle(const std::string& name, const std::string& id, std::string& middle) {
  const std::string prefix = id + "-", suffix = ".pdf";
  if (name.size() <= prefix.size() + suffix.size()) return false;
  if (name.compare(0, prefix.size(), prefix) != 0) return false;
  if (name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0) return false;
  middle = name.substr(prefix.size(), name.size() - prefix.size() - suffix.size());
  return true;
}

}  // namespace

bool IsCachedDossierOf(const std::string& name, const std::string& id) {
  std::string middle;
  return Middle(name, id, middle) && middle.size() == kFingerprintLength && AllOf(middle, isxdigit);
}

bool IsCachedReceiptOf(const std::string& name, const std::string& id) {
  std::string middle;
  if (!Middle(name, id, middle)) return false;
  std::size_t dash = middle.find('-');
  if (dash == std::string::npos) return false;
  std::string receipt = middle.substr(0, dash), layout = middle.substr(dash + 1);
  // "r" and digits: another candidature "<id>-<n>" has "<n>-<m>-r1" here.
  return AllOf(receipt, isdigit) && layout.size() >= 2 && layout[0] == 'r' &&
         AllOf(layout.substr(1), isdigit);
}

}  // namespace dossier
