#include "cli/ReceiptCommand.h"

#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/PartialFile.h"
#include "core/receipt/DepositReceipt.h"
#include "processors/dossier/ReceiptPdf.h"

namespace dossier {
namespace {

constexpr int kDone = 0, kError = 1, kUsage = 2;

const char* const kReceiptUsage =
    "usage: dossier recepisse --json RECEIPT.json -o OUT.pdf\n"
    "  Draws the receipt of a transmission (the JSON of GET\n"
    "  /api/v1/candidatures/{id}/recepisse) as a PDF.\n";

struct ReceiptOptions {
  std::string json;
  std::string output;
};

bool Parse(const std::vector<std::string>& args, ReceiptOptions& options) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if ((arg == "--json" || arg == "-o") && i + 1 < args.size())
      (arg == "-o" ? options.output : options.json) = args[++i];
    else
      return false;
  }
  return !options.json.empty() && !options.output.empty();
}

std::string ReadWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

int Run(const ReceiptOptions& options) {
  std::string pdf = PaintReceiptPdf(DepositReceipt::FromJson(ReadWhole(options.json)));
  PartialFile partial(options.output);
  if (!partial.WriteAndSync(pdf)) throw std::runtime_error("cannot write " + options.output);
  partial.Publish();
  return kDone;
}

}  // namespace

int RunReceiptCommand(const std::vector<std::string>& args) {
  ReceiptOptions options;
  if (!Parse(args, options)) {
    std::cerr << kReceiptUsage;
    return kUsage;
  }
  try {
    return Run(options);
  } catch (const std::exception& error) {
    std::cerr << "dossier recepisse: " << error.what() << "\n";
    return kError;
  }
}

}  // namespace dossier
