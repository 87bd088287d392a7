#include "core/text/FrenchFormat.h"

#include <cstdio>

namespace dossier {

std::string FrenchSize(std::uint64_t bytes) {
  char text[32];
  if (bytes < 1000) {
    std::snprintf(text, sizeof text, "%llu octets", static_cast<unsigned long long>(bytes));
  } else if (bytes < 1'000'000) {
    std::snprintf(text, sizeof text, "%llu ko",
                  static_cast<unsigned long long>((bytes + 500) / 1000));
  } else {
    // One decimal, French decimal comma; round half up on tenths of a Mo.
    unsigned long long tenths = (bytes + 50'000) / 100'000;
    std::snprintf(text, sizeof text, "%llu,%llu Mo", tenths / 10, tenths % 10);
  }
  return text;
}

std::string FrenchPages(int pages) {
  return std::to_string(pages) + (pages > 1 ? " pages" : " page");
}

}  // namespace dossier
