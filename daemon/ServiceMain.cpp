#include "daemon/ServiceMain.h"

#include <cppconn/exception.h>

#include <iostream>

#include "store/db/DatabaseUrl.h"
#include "workflow/policy/PiecePolicy.h"

namespace dossier {

int RunServiceMain(const char* program, const char* usage, const std::vector<std::string>& args,
                   const std::function<int(const DaemonOptions&)>& run) {
  if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
    std::cout << usage;
    return 0;
  }
  try {
    return run(ParseDaemonOptions(args));
  } catch (const UsageError& error) {
    std::cerr << program << ": " << error.what() << "\n" << usage;
    return 2;
  } catch (const DatabaseUrlError& error) {
    std::cerr << program << ": " << error.what() << "\n";
    return 2;
  } catch (const PolicyError& error) {
    std::cerr << program << ": " << error.what() << "\n";
    return 2;
  } catch (const sql::SQLException& error) {
    std::cerr << program << ": database error: " << error.what() << "\n";
    return 1;
  } catch (const std::exception& error) {
    std::cerr << program << ": " << error.what() << "\n";
    return 1;
  }
}

}  // namespace dossier
