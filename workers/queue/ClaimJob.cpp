#include "workers/queue/ClaimJob.h"

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <memory>

#include "store/blobs/BlobStore.h"
#include "store/db/Transaction.h"
#include "workers/queue/PoisonJob.h"

namespace dossier {
namespace {

// Jobs met in one claim that are past max_attempts: bounded so one call
// cannot run forever on a queue full of them.
constexpr int kMaxPoisonedPerClaim = 32;

struct Candidate {
  std::int64_t id = 0;
  std::int64_t piece_version_id = 0;
  int attempts = 0;
  bool lease_expired = false;
};

std::unique_ptr<Candidate> LockOldestClaimable(sql::Connection& connection) {
  std::unique_ptr<sql::PreparedStatement> query(
      connection.prepareStatement("SELECT id, piece_version_id, attempts, state FROM job "
                                  "WHERE (state = 'queued' AND run_after <= UTC_TIMESTAMP(3)) "
                                  "OR (state = 'running' AND locked_until < UTC_TIMESTAMP(3)) "
                                  "ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED"));
  std::unique_ptr<sql::ResultSet> row(query->executeQuery());
  if (!row->next()) return nullptr;
  auto candidate = std::make_unique<Candidate>();
  candidate->id = row->getInt64(1);
  candidate->piece_version_id = row->getInt64(2);
  candidate->attempts = row->getInt(3);
  candidate->lease_expired = row->getString(4) == "running";
  return candidate;
}

void EndExpiredRuns(sql::Connection& connection, std::int64_t job_id) {
  std::unique_ptr<sql::PreparedStatement> update(connection.prepareStatement(
      "UPDATE job_run SET ended_at = UTC_TIMESTAMP(3), outcome = 'lost_lease', "
      "error = 'the lease ran out before the job ended' WHERE job_id = ? AND ended_at IS NULL"));
  update->setInt64(1, job_id);
  update->executeUpdate();
}

void TakeLease(sql::Connection& connection, const ClaimedJob& job,
               std::chrono::milliseconds lease) {
  std::unique_ptr<sql::PreparedStatement> update(connection.prepareStatement(
      "UPDATE job SET state = 'running', attempts = attempts + 1, locked_by = ?, "
      "locked_until = UTC_TIMESTAMP(3) + INTERVAL ? MICROSECOND, lease_token = ? WHERE id = ?"));
  update->setString(1, job.worker);
  update->setInt64(2, static_cast<std::int64_t>(lease.count()) * 1000);
  update->setString(3, job.lease_token);
  update->setInt64(4, job.id);
  update->executeUpdate();
}

std::int64_t OpenRun(sql::Connection& connection, const ClaimedJob& job) {
  std::unique_ptr<sql::PreparedStatement> insert(
      connection.prepareStatement("INSERT INTO job_run (job_id, attempt, worker, started_at) "
                                  "VALUES (?, ?, ?, UTC_TIMESTAMP(3))"));
  insert->setInt64(1, job.id);
  insert->setInt(2, job.attempt);
  insert->setString(3, job.worker);
  insert->executeUpdate();
  std::unique_ptr<sql::PreparedStatement> query(
      connection.prepareStatement("SELECT LAST_INSERT_ID()"));
  std::unique_ptr<sql::ResultSet> row(query->executeQuery());
  row->next();
  return row->getInt64(1);
}

// Fills the pièce a job is for (candidature_id, piece_code, version).
template <typename Job>
void ReadPiece(sql::Connection& connection, std::int64_t piece_version_id, Job& job) {
  std::unique_ptr<sql::PreparedStatement> query(connection.prepareStatement(
      "SELECT candidature_id, piece_code, version FROM piece_version WHERE id = ?"));
  query->setInt64(1, piece_version_id);
  std::unique_ptr<sql::ResultSet> row(query->executeQuery());
  if (!row->next()) return;  // the foreign key makes this impossible
  job.candidature_id = row->getString(1);
  job.piece_code = row->getString(2);
  job.version = row->getInt(3);
}

}  // namespace

Claim ClaimJob(sql::Connection& connection, const std::string& worker,
               const WorkerSettings& settings) {
  Claim claim;
  for (int met = 0; met <= kMaxPoisonedPerClaim; ++met) {
    Transaction transaction(connection);
    std::unique_ptr<Candidate> candidate = LockOldestClaimable(connection);
    if (!candidate) return claim;
    if (candidate->lease_expired) EndExpiredRuns(connection, candidate->id);
    if (candidate->attempts >= settings.max_attempts) {
      PoisonJob(connection, candidate->id, candidate->piece_version_id,
                "given up after " + std::to_string(candidate->attempts) + " attempts");
      PoisonedJob poisoned{candidate->id,      candidate->piece_version_id, "", "", 0,
                           candidate->attempts};
      ReadPiece(connection, candidate->piece_version_id, poisoned);
      transaction.Commit();
      claim.poisoned.push_back(std::move(poisoned));
      continue;
    }
    ClaimedJob job;
    job.id = candidate->id;
    job.piece_version_id = candidate->piece_version_id;
    job.attempt = candidate->attempts + 1;
    job.worker = worker;
    job.lease_token = RandomHex();
    TakeLease(connection, job, settings.lease);
    job.run_id = OpenRun(connection, job);
    ReadPiece(connection, job.piece_version_id, job);
    transaction.Commit();
    claim.job = std::move(job);
    return claim;
  }
  return claim;
}

}  // namespace dossier
