#include "store/db/DatabaseLocation.h"

#include <cstdlib>

namespace dossier {

DatabaseUrl ResolveDatabaseUrl(const std::string& flag, const std::string& data_dir) {
  if (!flag.empty()) return DatabaseUrl::Parse(flag);
  const char* env = std::getenv("DOSSIER_DB");
  if (env && *env) return DatabaseUrl::Parse(env);
  DatabaseUrl url;
  url.socket = data_dir + "/mariadb/mariadb.sock";
  return url;
}

std::string ResolveDataDir(const std::string& flag) {
  if (!flag.empty()) return flag;
  const char* env = std::getenv("DOSSIER_DATA_DIR");
  return env && *env ? env : "data";
}

}  // namespace dossier
