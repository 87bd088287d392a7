// dossier: the command line of the dossier pipeline.
#include <iostream>
#include <string>
#include <vector>

#include "cli/AssembleCommand.h"
#include "cli/MigrateCommand.h"
#include "cli/PieceTypesCommand.h"
#include "cli/ProcessCommand.h"
#include "cli/PurgeCommand.h"
#include "cli/ReceiptCommand.h"
#include "cli/TokenCommand.h"

namespace {

const char* const kUsage =
    "usage: dossier COMMAND [ARGS]\n"
    "commands:\n"
    "  process      turn one pièce's files into one checked PDF, print the JSON report\n"
    "  piece-types  print the pièce types and their limits as JSON\n"
    "  assemble     the whole dossier as one PDF: a cover, then every pièce\n"
    "  recepisse    the receipt of a transmission as a PDF\n"
    "  migrate      create or upgrade the workflow database\n"
    "  token        mint a bearer token for the HTTP API\n"
    "  purge        delete a closed campaign's candidatures, rows and files\n"
    "  help         this text\n";

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << kUsage;
    return 2;
  }
  std::string command = argv[1];
  std::vector<std::string> args(argv + 2, argv + argc);
  if (command == "process") return dossier::RunProcessCommand(args, argv);
  if (command == "token") return dossier::RunTokenCommand(args);
  if (command == "assemble") return dossier::RunAssembleCommand(args);
  if (command == "recepisse") return dossier::RunReceiptCommand(args);
  if (command == "migrate") return dossier::RunMigrateCommand(args);
  if (command == "purge") return dossier::RunPurgeCommand(args);
  if (command == "piece-types") return dossier::RunPieceTypesCommand(args);
  if (command == "help" || command == "--help" || command == "-h") {
    std::cout << kUsage;
    return 0;
  }
  std::cerr << "dossier: unknown command '" << command << "'\n" << kUsage;
  return 2;
}
