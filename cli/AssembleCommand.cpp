#include "cli/AssembleCommand.h"

#include <unistd.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/PartialFile.h"
#include "core/cover/DossierCover.h"
#include "isolation/ChildEnd.h"
#include "isolation/ChildExit.h"
#include "isolation/LimitedChild.h"
#include "isolation/ReportChannel.h"
#include "processors/dossier/AssembleDossier.h"

namespace dossier {
namespace {

constexpr int kDone = kChildAccepted, kError = kChildFailed, kUsage = 2;

const char* const kAssembleUsage =
    "usage: dossier assemble --cover COVER.json -o OUT.pdf [PIECE.pdf...]\n"
    "  Writes the whole dossier: the cover described by COVER.json, then every\n"
    "  pièce's pages in the order given.\n";

struct AssembleOptions {
  std::string cover;
  std::string output;
  std::vector<std::string> pieces;
};

bool Parse(const std::vector<std::string>& args, AssembleOptions& options) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if ((arg == "--cover" || arg == "-o") && i + 1 < args.size()) {
      (arg == "-o" ? options.output : options.cover) = args[++i];
    } else if (!arg.empty() && arg[0] == '-') {
      return false;
    } else {
      options.pieces.push_back(arg);
    }
  }
  return !options.cover.empty() && !options.output.empty();
}

std::string ReadWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

int Run(const AssembleOptions& options) {
  DossierCover cover = DossierCover::FromJson(ReadWhole(options.cover));
  std::vector<std::string> pieces;
  for (const std::string& path : options.pieces) pieces.push_back(ReadWhole(path));
  PartialFile partial(options.output);
  // The pièces are read here and the partial file is open: the child reaches
  // no path of its own, only the libraries and fonts the cover needs.
  ChildLimits limits;
  limits.confinement = Confinement{};
  limits.confinement->kept_fds = {partial.fd()};
  ChildResult result = RunLimitedChild(
      [&](int) { return partial.WriteAndSync(AssembleDossier(cover, pieces)) ? kDone : kError; },
      limits);
  if (result.end != ChildResult::End::Exited || result.exit_code != kDone) {
    std::cerr << "dossier assemble: the assembly failed (" << DescribeChildEnd(result, limits)
              << ")\n";
    return kError;
  }
  partial.Publish();
  return kDone;
}

}  // namespace

int RunAssembleCommand(const std::vector<std::string>& args) {
  AssembleOptions options;
  if (!Parse(args, options)) {
    std::cerr << kAssembleUsage;
    return kUsage;
  }
  try {
    return Run(options);
  } catch (const std::exception& error) {
    std::cerr << "dossier assemble: " << error.what() << "\n";
    return kError;
  }
}

}  // namespace dossier
