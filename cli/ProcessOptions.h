#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/errors/UsageError.h"

namespace dossier {

// `dossier process` as the contract spells it, plus the limits of the child
// that parses the files.
struct ProcessOptions {
  std::string piece_type;
  std::optional<std::uint64_t> max_bytes;
  std::optional<int> target_dpi;
  bool check_ine = false;
  bool no_check_ine = false;  // overrides the pièce type (benchmarks without OCR)
  std::string declared_ine;
  std::string policy_file;
  std::string output;
  std::vector<std::string> inputs;
  int max_seconds = 60;
  int max_memory_mb = 2048;
  bool progress = false;
};

ProcessOptions ParseProcessOptions(const std::vector<std::string>& args);

extern const char* const kProcessUsage;

}  // namespace dossier
