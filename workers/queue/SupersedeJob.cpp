#include "workers/queue/SupersedeJob.h"

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <memory>
#include <string>

namespace dossier {
namespace {

// "version 1 replaced by version 2 before it ran"; a plain read, so the claim
// never waits for the pièce's row.
std::string Why(sql::Connection& connection, std::int64_t piece_version_id) {
  std::unique_ptr<sql::PreparedStatement> query(connection.prepareStatement(
      "SELECT v.version, p.current_version FROM piece_version v JOIN pj_cand p "
      "ON p.candidature_id = v.candidature_id AND p.piece_code = v.piece_code WHERE v.id = ?"));
  query->setInt64(1, piece_version_id);
  std::unique_ptr<sql::ResultSet> row(query->executeQuery());
  if (!row->next()) return "replaced by a newer version before it ran";
  return "version " + std::to_string(row->getInt(1)) + " replaced by version " +
         std::to_string(row->getInt(2)) + " before it ran";
}

}  // namespace

void SupersedeJob(sql::Connection& connection, std::int64_t job_id, std::int64_t piece_version_id) {
  std::unique_ptr<sql::PreparedStatement> update(connection.prepareStatement(
      "UPDATE job SET state = 'superseded', finished_at = UTC_TIMESTAMP(3), locked_by = NULL, "
      "locked_until = NULL, lease_token = NULL, last_error = ? WHERE id = ?"));
  update->setString(1, Why(connection, piece_version_id));
  update->setInt64(2, job_id);
  update->executeUpdate();
}

}  // namespace dossier
