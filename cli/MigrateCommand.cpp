#include "cli/MigrateCommand.h"

#include <cppconn/exception.h>

#include <iostream>
#include <stdexcept>

#include "store/db/DatabaseLocation.h"
#include "store/db/Migrations.h"

namespace dossier {
namespace {

const char* const kMigrateUsage = "usage: dossier migrate [--db URL] [--data-dir DIR]\n";

}  // namespace

int RunMigrateCommand(const std::vector<std::string>& args) {
  std::string db, data_dir;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if ((args[i] == "--db" || args[i] == "--data-dir") && i + 1 < args.size()) {
      (args[i] == "--db" ? db : data_dir) = args[i + 1];
      ++i;
    } else {
      std::cerr << "dossier migrate: unexpected argument '" << args[i] << "'\n" << kMigrateUsage;
      return 2;
    }
  }
  try {
    DatabaseUrl url = ResolveDatabaseUrl(db, ResolveDataDir(data_dir));
    MigrationResult result = Migrate(url);
    for (int version : result.applied) std::cout << "applied V" << version << "\n";
    std::cout << url.Display() << ": schema version " << result.current << "\n";
    return 0;
  } catch (const DatabaseUrlError& error) {
    std::cerr << "dossier migrate: " << error.what() << "\n";
    return 2;
  } catch (const sql::SQLException& error) {
    std::cerr << "dossier migrate: database error: " << error.what() << "\n";
    return 1;
  } catch (const std::exception& error) {
    std::cerr << "dossier migrate: " << error.what() << "\n";
    return 1;
  }
}

}  // namespace dossier
