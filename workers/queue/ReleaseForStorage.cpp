#include "workers/queue/ReleaseForStorage.h"

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <memory>

#include "workers/queue/ReleaseJob.h"

namespace dossier {
namespace {

// Read before the release: only the lease's holder adds such rows to its job.
int EarlierStorageFaults(sql::Connection& connection, std::int64_t job_id) {
  std::unique_ptr<sql::PreparedStatement> query(connection.prepareStatement(
      "SELECT COUNT(*) FROM job_run WHERE job_id = ? AND outcome = 'storage_full'"));
  query->setInt64(1, job_id);
  std::unique_ptr<sql::ResultSet> row(query->executeQuery());
  return row->next() ? row->getInt(1) : 0;
}

}  // namespace

std::optional<std::chrono::milliseconds> ReleaseForStorage(sql::Connection& connection,
                                                           const ClaimedJob& job,
                                                           const std::string& error,
                                                           const WorkerSettings& settings) {
  std::chrono::milliseconds delay =
      settings.StorageBackoffAfter(EarlierStorageFaults(connection, job.id));
  if (!ReleaseJob(connection, job, error, delay, "storage_full")) return std::nullopt;
  return delay;
}

}  // namespace dossier
