#include "workers/queue/VersionSuperseded.h"

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <memory>

namespace dossier {

bool VersionSuperseded(sql::Connection& connection, std::int64_t piece_version_id) {
  std::unique_ptr<sql::PreparedStatement> query(connection.prepareStatement(
      "SELECT v.version < p.current_version FROM piece_version v JOIN pj_cand p "
      "ON p.candidature_id = v.candidature_id AND p.piece_code = v.piece_code WHERE v.id = ?"));
  query->setInt64(1, piece_version_id);
  std::unique_ptr<sql::ResultSet> row(query->executeQuery());
  return row->next() && row->getInt(1) != 0;
}

}  // namespace dossier
