#include "workers/queue/ClaimJob.h"

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <memory>
#include <string>
#include <vector>

#include "store/blobs/BlobStore.h"
#include "store/db/Transaction.h"
#include "workers/queue/PoisonJob.h"
#include "workers/queue/SupersedeJob.h"
#include "workers/queue/VersionSuperseded.h"

namespace dossier {
namespace {

// Jobs closed in one claim without running (poison, superseded): bounded so
// one call cannot run forever on a queue full of them.
constexpr int kMaxSettledPerClaim = 32;
// Candidates read per search. More than the workers that may be claiming at
// the same instant, so that a claim rarely finds all of them taken.
constexpr int kCandidatesPerSearch = 16;

struct Candidate {
  std::int64_t id = 0;
  std::string candidature_id;
};

// A candidature is busy while one of its jobs runs under a live lease. The
// server materialises this from the running jobs, which are few (one per
// worker at most).
constexpr char kNotBusy[] =
    "NOT EXISTS (SELECT 1 FROM job b JOIN piece_version bv ON bv.id = b.piece_version_id "
    "WHERE bv.candidature_id = v.candidature_id AND b.state = 'running' "
    "AND b.locked_until >= UTC_TIMESTAMP(3))";

// The oldest claimable jobs — queued and due, or running with an expired
// lease — of candidatures that are not busy, oldest first. A plain read: the
// claim locks and checks each one again. job_arrival (state, id) is walked in
// id order and the walk stops at the LIMIT; the optimiser would rather walk
// the primary key through every finished job, hence FORCE INDEX.
std::vector<Candidate> FindCandidates(sql::Connection& connection) {
  std::string limit = " ORDER BY j.id LIMIT " + std::to_string(kCandidatesPerSearch);
  std::string from =
      "SELECT j.id, v.candidature_id FROM job j FORCE INDEX (job_arrival) "
      "JOIN piece_version v ON v.id = j.piece_version_id WHERE ";
  std::unique_ptr<sql::PreparedStatement> query(connection.prepareStatement(
      "(" + from + "j.state = 'queued' AND j.run_after <= UTC_TIMESTAMP(3) AND " + kNotBusy +
      limit + ") UNION ALL (" + from +
      "j.state = 'running' AND j.locked_until < UTC_TIMESTAMP(3) AND " + kNotBusy + limit +
      ") ORDER BY id LIMIT " + std::to_string(kCandidatesPerSearch)));
  std::unique_ptr<sql::ResultSet> rows(query->executeQuery());
  std::vector<Candidate> candidates;
  while (rows->next()) candidates.push_back({rows->getInt64(1), rows->getString(2)});
  return candidates;
}

// The candidature's row is the lock of its jobs. Two workers that pick two
// jobs of one candidature at the same instant both see it idle; only one of
// them gets this row, and the other, skipping it, moves on to another
// candidature. The winner commits its job `running` before the row is free
// again, so whoever takes the row next sees the candidature busy. Every
// upload locks this row too, so the pièce's current version cannot change
// under a claim.
bool LockCandidature(sql::Connection& connection, const std::string& candidature_id) {
  std::unique_ptr<sql::PreparedStatement> query(connection.prepareStatement(
      "SELECT id FROM candidature WHERE id = ? FOR UPDATE SKIP LOCKED"));
  query->setString(1, candidature_id);
  std::unique_ptr<sql::ResultSet> row(query->executeQuery());
  return row->next();
}

struct LockedJob {
  std::int64_t id = 0;
  std::int64_t piece_version_id = 0;
  int attempts = 0;
  bool lease_expired = false;
};

// The job row, locked, if it is still claimable.
std::unique_ptr<LockedJob> LockIfClaimable(sql::Connection& connection, std::int64_t job_id) {
  std::unique_ptr<sql::PreparedStatement> query(connection.prepareStatement(
      "SELECT id, piece_version_id, attempts, state FROM job WHERE id = ? "
      "AND ((state = 'queued' AND run_after <= UTC_TIMESTAMP(3)) "
      "OR (state = 'running' AND locked_until < UTC_TIMESTAMP(3))) FOR UPDATE SKIP LOCKED"));
  query->setInt64(1, job_id);
  std::unique_ptr<sql::ResultSet> row(query->executeQuery());
  if (!row->next()) return nullptr;
  auto job = std::make_unique<LockedJob>();
  job->id = row->getInt64(1);
  job->piece_version_id = row->getInt64(2);
  job->attempts = row->getInt(3);
  job->lease_expired = row->getString(4) == "running";
  return job;
}

// Checked again under the candidature's lock: a claim that committed since
// the search has made it busy.
bool CandidatureBusy(sql::Connection& connection, const std::string& candidature_id) {
  std::unique_ptr<sql::PreparedStatement> query(connection.prepareStatement(
      "SELECT COUNT(*) FROM piece_version v JOIN job b ON b.piece_version_id = v.id "
      "WHERE v.candidature_id = ? AND b.state = 'running' "
      "AND b.locked_until >= UTC_TIMESTAMP(3)"));
  query->setString(1, candidature_id);
  std::unique_ptr<sql::ResultSet> row(query->executeQuery());
  return row->next() && row->getInt(1) > 0;
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

enum class Step {
  Claimed,  // claim.job is set
  Settled,  // closed without running (poison, superseded), recorded in `claim`
  Passed,   // another worker has it or its candidature, or it is no longer claimable
};

// One candidate, in one transaction.
Step TryCandidate(sql::Connection& connection, const Candidate& candidate,
                  const std::string& worker, const WorkerSettings& settings, Claim& claim) {
  Transaction transaction(connection);
  if (!LockCandidature(connection, candidate.candidature_id)) return Step::Passed;
  std::unique_ptr<LockedJob> locked = LockIfClaimable(connection, candidate.id);
  if (!locked) return Step::Passed;
  if (locked->lease_expired) EndExpiredRuns(connection, locked->id);
  if (VersionSuperseded(connection, locked->piece_version_id)) {
    SupersedeJob(connection, locked->id, locked->piece_version_id);
    SupersededJob superseded{locked->id, locked->piece_version_id, "", "", 0};
    ReadPiece(connection, locked->piece_version_id, superseded);
    transaction.Commit();
    claim.superseded.push_back(std::move(superseded));
    return Step::Settled;
  }
  if (locked->attempts >= settings.max_attempts) {
    PoisonJob(connection, locked->id, locked->piece_version_id,
              "given up after " + std::to_string(locked->attempts) + " attempts");
    PoisonedJob poisoned{locked->id, locked->piece_version_id, "", "", 0, locked->attempts};
    ReadPiece(connection, locked->piece_version_id, poisoned);
    transaction.Commit();
    claim.poisoned.push_back(std::move(poisoned));
    return Step::Settled;
  }
  if (CandidatureBusy(connection, candidate.candidature_id)) return Step::Passed;
  ClaimedJob job;
  job.id = locked->id;
  job.piece_version_id = locked->piece_version_id;
  job.attempt = locked->attempts + 1;
  job.worker = worker;
  job.lease_token = RandomHex();
  TakeLease(connection, job, settings.lease);
  job.run_id = OpenRun(connection, job);
  ReadPiece(connection, job.piece_version_id, job);
  transaction.Commit();
  claim.job = std::move(job);
  return Step::Claimed;
}

}  // namespace

Claim ClaimJob(sql::Connection& connection, const std::string& worker,
               const WorkerSettings& settings) {
  Claim claim;
  int settled = 0;
  for (;;) {
    bool settled_some = false;
    for (const Candidate& candidate : FindCandidates(connection)) {
      Step step = TryCandidate(connection, candidate, worker, settings, claim);
      if (step == Step::Claimed) return claim;
      if (step != Step::Settled) continue;
      settled_some = true;
      if (++settled >= kMaxSettledPerClaim) return claim;
    }
    // Everything found was passed over: other workers are taking it, or its
    // candidature just became busy. The next poll looks again.
    if (!settled_some) return claim;
  }
}

}  // namespace dossier
