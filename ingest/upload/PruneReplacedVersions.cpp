#include "ingest/upload/PruneReplacedVersions.h"

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <cstdint>
#include <memory>
#include <vector>

#include "store/blobs/BlobStore.h"
#include "store/db/Transaction.h"

namespace dossier {
namespace {

using Statement = std::unique_ptr<sql::PreparedStatement>;
using Rows = std::unique_ptr<sql::ResultSet>;

// Both conditions only ever become true (a pièce's current version only
// grows; a job that is over never runs again), so this read needs no lock.
std::vector<std::int64_t> PrunableVersions(sql::Connection& connection,
                                           const std::string& candidature_id, int kept_versions) {
  Statement select(connection.prepareStatement(
      "SELECT v.id FROM piece_version v "
      "JOIN pj_cand p ON p.candidature_id = v.candidature_id AND p.piece_code = v.piece_code "
      "JOIN job j ON j.piece_version_id = v.id "
      "WHERE v.candidature_id = ? AND v.purged_at IS NULL "
      "AND v.version <= p.current_version - ? AND j.state NOT IN ('queued', 'running')"));
  select->setString(1, candidature_id);
  select->setInt(2, kept_versions);
  Rows rows(select->executeQuery());
  std::vector<std::int64_t> versions;
  while (rows->next()) versions.push_back(rows->getInt64(1));
  return versions;
}

// Marks the versions purged; returns those this call marked (another server
// may have marked some in the meantime: it removes their files).
std::vector<std::int64_t> MarkPurged(sql::Connection& connection,
                                     const std::vector<std::int64_t>& versions) {
  Transaction transaction(connection);
  Statement update(connection.prepareStatement(
      "UPDATE piece_version SET purged_at = UTC_TIMESTAMP(3) WHERE id = ? AND purged_at IS NULL"));
  std::vector<std::int64_t> marked;
  for (std::int64_t version : versions) {
    update->setInt64(1, version);
    if (update->executeUpdate() == 1) marked.push_back(version);
  }
  transaction.Commit();
  return marked;
}

void AddColumn(sql::ResultSet& rows, int column, std::vector<std::string>& keys) {
  if (!rows.isNull(column)) keys.push_back(rows.getString(column));
}

std::vector<std::string> KeysOf(sql::Connection& connection, std::int64_t version) {
  std::vector<std::string> keys;
  Statement originals(
      connection.prepareStatement("SELECT storage_key FROM fichier WHERE piece_version_id = ?"));
  originals->setInt64(1, version);
  Rows files(originals->executeQuery());
  while (files->next()) AddColumn(*files, 1, keys);
  Statement results(connection.prepareStatement(
      "SELECT output_key, thumbnail_key FROM precheck WHERE piece_version_id = ?"));
  results->setInt64(1, version);
  Rows outputs(results->executeQuery());
  while (outputs->next()) {
    AddColumn(*outputs, 1, keys);
    AddColumn(*outputs, 2, keys);
  }
  return keys;
}

}  // namespace

int PruneReplacedVersions(sql::Connection& connection, const BlobStore& store,
                          const std::string& candidature_id, int kept_versions) {
  std::vector<std::int64_t> versions = PrunableVersions(connection, candidature_id, kept_versions);
  if (versions.empty()) return 0;
  std::vector<std::int64_t> marked = MarkPurged(connection, versions);
  for (std::int64_t version : marked) {
    for (const std::string& key : KeysOf(connection, version)) {
      try {
        store.Remove(key);
      } catch (const BlobError&) {
        // A key we could not have made names no file of ours.
      }
    }
  }
  return static_cast<int>(marked.size());
}

}  // namespace dossier
