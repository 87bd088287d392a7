#include "cli/ProcessOptions.h"

#include <cstdint>

namespace dossier {

const char* const kProcessUsage =
    "usage: dossier process [--piece-type CODE] [--max-bytes N] [--target-dpi N]\n"
    "                       [--check-ine | --no-check-ine] [--declared-ine INE]\n"
    "                       [--policy FILE]"
    " [--max-seconds N] [--max-memory-mb N] [--progress]\n"
    "                       -o OUT.pdf FILE...\n";

namespace {

long long Number(const std::string& flag, const std::string& text, long long low, long long high) {
  std::size_t used = 0;
  long long value = 0;
  try {
    value = std::stoll(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != text.size() || value < low || value > high)
    throw UsageError(flag + " takes a whole number from " + std::to_string(low) + " to " +
                     std::to_string(high) + ", not '" + text + "'");
  return value;
}

}  // namespace

ProcessOptions ParseProcessOptions(const std::vector<std::string>& args) {
  ProcessOptions options;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    auto value = [&]() -> const std::string& {
      if (i + 1 >= args.size()) throw UsageError(arg + " needs a value");
      return args[++i];
    };
    if (arg == "--piece-type") options.piece_type = value();
    else if (arg == "--max-bytes") options.max_bytes = Number(arg, value(), 1000, 100'000'000);
    else if (arg == "--target-dpi") options.target_dpi = static_cast<int>(Number(arg, value(), 72, 1200));
    else if (arg == "--check-ine") options.check_ine = true;
    else if (arg == "--no-check-ine") options.no_check_ine = true;
    else if (arg == "--declared-ine") options.declared_ine = value();
    else if (arg == "--policy") options.policy_file = value();
    else if (arg == "-o" || arg == "--output") options.output = value();
    else if (arg == "--max-seconds") options.max_seconds = static_cast<int>(Number(arg, value(), 1, 3600));
    else if (arg == "--max-memory-mb") options.max_memory_mb = static_cast<int>(Number(arg, value(), 128, 65536));
    else if (arg == "--progress") options.progress = true;
    else if (arg.size() > 1 && arg[0] == '-') throw UsageError("unknown option " + arg);
    else options.inputs.push_back(arg);
  }
  if (options.output.empty()) throw UsageError("-o OUT.pdf is required");
  if (options.inputs.empty()) throw UsageError("at least one input FILE is required");
  return options;
}

}  // namespace dossier
