#include "ingest/upload/KeptBytes.h"

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <memory>

namespace dossier {

std::uint64_t KeptBytes(sql::Connection& connection, const std::string& candidature_id,
                        const std::string& piece_code, int kept_versions) {
  std::unique_ptr<sql::PreparedStatement> select(connection.prepareStatement(
      "SELECT COALESCE(SUM(f.size_bytes), 0) FROM fichier f "
      "JOIN piece_version v ON v.id = f.piece_version_id "
      "JOIN pj_cand p ON p.candidature_id = v.candidature_id AND p.piece_code = v.piece_code "
      "WHERE v.candidature_id = ? "
      "AND v.version > p.current_version - ? + CASE WHEN p.piece_code = ? THEN 1 ELSE 0 END"));
  select->setString(1, candidature_id);
  select->setInt(2, kept_versions);
  select->setString(3, piece_code);
  std::unique_ptr<sql::ResultSet> row(select->executeQuery());
  row->next();
  return static_cast<std::uint64_t>(row->getInt64(1));
}

}  // namespace dossier
