// dossierd: the service universities run behind eCandidat.
#include <cppconn/exception.h>

#include <iostream>
#include <string>
#include <vector>

#include "daemon/Daemon.h"
#include "daemon/DaemonOptions.h"
#include "ingest/policy/PiecePolicy.h"
#include "store/db/DatabaseUrl.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
    std::cout << dossier::kDaemonUsage;
    return 0;
  }
  try {
    return dossier::RunDaemon(dossier::ParseDaemonOptions(args));
  } catch (const dossier::DaemonUsageError& error) {
    std::cerr << "dossierd: " << error.what() << "\n" << dossier::kDaemonUsage;
    return 2;
  } catch (const dossier::DatabaseUrlError& error) {
    std::cerr << "dossierd: " << error.what() << "\n";
    return 2;
  } catch (const dossier::PolicyError& error) {
    std::cerr << "dossierd: " << error.what() << "\n";
    return 2;
  } catch (const sql::SQLException& error) {
    std::cerr << "dossierd: database error: " << error.what() << "\n";
    return 1;
  } catch (const std::exception& error) {
    std::cerr << "dossierd: " << error.what() << "\n";
    return 1;
  }
}
