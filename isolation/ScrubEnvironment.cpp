#include "isolation/ScrubEnvironment.h"

#include <stdlib.h>
#include <unistd.h>

namespace dossier {
namespace {

bool StartsWith(const std::string& text, const char* prefix) {
  return text.rfind(prefix, 0) == 0;
}

bool Kept(const std::string& entry) {
  static const char* const kNames[] = {"PATH=",
                                       "HOME=",
                                       "LANG=",
                                       "LANGUAGE=",
                                       "TZ=",
                                       "TMPDIR=",
                                       "TESSDATA_PREFIX=",
                                       "FONTCONFIG_FILE=",
                                       "FONTCONFIG_PATH=",
                                       "XDG_CACHE_HOME=",
                                       "XDG_DATA_DIRS=",
                                       "MALLOC_ARENA_MAX="};
  static const char* const kPrefixes[] = {"LC_", "OMP_", "GOMP_", "VIPS_", "DOSSIER_FAULT_"};
  for (const char* name : kNames)
    if (StartsWith(entry, name)) return true;
  for (const char* prefix : kPrefixes)
    if (StartsWith(entry, prefix)) return true;
  return false;
}

}  // namespace

std::vector<std::string> KeptEnvironment(char** environment) {
  std::vector<std::string> kept;
  for (char** entry = environment; entry && *entry; ++entry)
    if (Kept(*entry)) kept.emplace_back(*entry);
  return kept;
}

void ScrubEnvironment(const std::string& tmpdir) {
  std::vector<std::string> kept = KeptEnvironment(environ);
  clearenv();
  for (const std::string& entry : kept) {
    std::size_t equals = entry.find('=');
    setenv(entry.substr(0, equals).c_str(), entry.substr(equals + 1).c_str(), 1);
  }
  if (!tmpdir.empty()) setenv("TMPDIR", tmpdir.c_str(), 1);
}

}  // namespace dossier
