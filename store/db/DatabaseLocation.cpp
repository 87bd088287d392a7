#include "store/db/DatabaseLocation.h"

#include <cstdlib>
#include <fstream>

namespace dossier {

DatabaseUrl ResolveDatabaseUrl(const std::string& flag, const std::string& data_dir) {
  if (!flag.empty()) return DatabaseUrl::Parse(flag);
  const char* env = std::getenv("DOSSIER_DB");
  if (env && *env) return DatabaseUrl::Parse(env);
  DatabaseUrl url;
  url.socket = data_dir + "/mariadb/mariadb.sock";
  // scripts/mariadb.sh keeps the service account's password beside the socket.
  std::ifstream password_file(data_dir + "/mariadb/service.password");
  std::string password;
  if (password_file >> password) {
    url.user = "dossier";
    url.password = password;
  }
  return url;
}

std::string ResolveDataDir(const std::string& flag) {
  if (!flag.empty()) return flag;
  const char* env = std::getenv("DOSSIER_DATA_DIR");
  return env && *env ? env : "data";
}

}  // namespace dossier
