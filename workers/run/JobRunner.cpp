#include "workers/run/JobRunner.h"

#include <cppconn/connection.h>
#include <cppconn/exception.h>
#include <sys/stat.h>

#include <cstdio>
#include <iostream>
#include <thread>

#include "core/json/JsonParseError.h"
#include "isolation/ChildEnd.h"
#include "isolation/ChildVerdict.h"
#include "isolation/LimitedChild.h"
#include "processors/ine/IneReader.h"
#include "workers/queue/ClaimJob.h"
#include "workers/queue/CompleteJob.h"
#include "workers/queue/ExtendLease.h"
#include "workers/queue/FailJob.h"
#include "workers/queue/HeldJob.h"
#include "workers/queue/ReleaseForStorage.h"
#include "workers/queue/ReleaseJob.h"
#include "workers/run/JobChild.h"
#include "workers/run/JobInputs.h"

namespace dossier {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// Errors after which the same statement can succeed: the connection broke
// (client errors 2000–2999, server shutting down, connection killed) or the
// transaction lost a deadlock or a lock wait.
bool Transient(const sql::SQLException& error) {
  int code = error.getErrorCode();
  return (code >= 2000 && code < 3000) || code == 1053 || code == 1927 || code == 1213 ||
         code == 1205;
}

// A job child's file under tmp/ of the store: removed unless published.
class TempOutput {
 public:
  explicit TempOutput(std::string path) : path_(std::move(path)) {}
  ~TempOutput() { std::remove(path_.c_str()); }
  TempOutput(const TempOutput&) = delete;
  TempOutput& operator=(const TempOutput&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// The worker's side of a running job, asked about every second while the
// child works: renews the lease every heartbeat, and says stop when the
// lease is lost or the shutdown grace has run out.
class JobTick {
 public:
  enum class Stop { None, LeaseLost, Shutdown };

  JobTick(ConnectionPool& pool, const ClaimedJob& job, const WorkerSettings& settings,
          const JobWatch& watch)
      : pool_(pool),
        job_(job),
        settings_(settings),
        watch_(watch),
        next_beat_(Clock::now() + settings.heartbeat) {}

  bool operator()() {
    Clock::time_point now = Clock::now();
    if (!stopping_ && watch_.stop_requested && watch_.stop_requested()) {
      stopping_ = true;
      stop_at_ = now + settings_.shutdown_grace;
    }
    if (stopping_ && now >= stop_at_) {
      stop_ = Stop::Shutdown;
      return false;
    }
    if (now >= next_beat_) {
      next_beat_ = now + settings_.heartbeat;
      if (!Beat()) {
        stop_ = Stop::LeaseLost;
        return false;
      }
    }
    return true;
  }
  Stop stop() const { return stop_; }

 private:
  // False only when the database says the lease is gone. A database out of
  // reach says nothing: the job goes on, and its completion will tell.
  bool Beat() {
    if (watch_.on_heartbeat) {
      try {
        watch_.on_heartbeat();
      } catch (const std::exception&) {
      }
    }
    try {
      PooledConnection connection = pool_.Acquire();
      return ExtendLease(*connection, job_, settings_.lease);
    } catch (const std::exception&) {
      return true;
    }
  }

  ConnectionPool& pool_;
  const ClaimedJob& job_;
  const WorkerSettings& settings_;
  const JobWatch& watch_;
  Clock::time_point next_beat_;
  bool stopping_ = false;
  Clock::time_point stop_at_;
  Stop stop_ = Stop::None;
};

std::string DirectoryOf(const std::string& path) {
  std::size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? "." : path.substr(0, slash);
}

// The job child reads nothing from disk (its inputs are loaded before the
// fork) and writes only its two outputs under the store's tmp/.
ChildLimits JobChildLimits(const WorkerSettings& settings, const JobOutputPaths& paths) {
  ChildLimits limits;
  limits.wall_time = settings.job_timeout;
  limits.cpu_seconds = std::max(1, static_cast<int>(settings.job_timeout.count()));
  limits.address_space_bytes = settings.job_memory_bytes;
  limits.tick_interval = std::min<milliseconds>(settings.job_tick, settings.heartbeat);
  Confinement confinement;
  confinement.write_dirs = {DirectoryOf(paths.pdf)};
  if (DirectoryOf(paths.thumbnail) != DirectoryOf(paths.pdf))
    confinement.write_dirs.push_back(DirectoryOf(paths.thumbnail));
  limits.confinement = confinement;
  return limits;
}

// What a child that ended without a report said, appended to `what`. The
// bytes come from a child that may be hostile: printable ASCII only, so the
// error column and the log line take them whatever they are.
std::string WithOutput(std::string what, const std::string& output) {
  if (output.empty()) return what;
  what += ": ";
  for (char c : output.substr(0, 1000)) what += c >= 0x20 && c < 0x7f ? c : '?';
  return what;
}

JobAttempt OutcomeOf(const ClaimedJob& job) {
  JobAttempt outcome;
  outcome.job = job.id;
  outcome.candidature = job.candidature_id;
  outcome.piece = job.piece_code;
  outcome.version = job.version;
  outcome.attempt = job.attempt;
  outcome.worker = job.worker;
  return outcome;
}

JobAttempt OutcomeOf(const PoisonedJob& job, const std::string& worker) {
  JobAttempt outcome;
  outcome.job = job.id;
  outcome.candidature = job.candidature_id;
  outcome.piece = job.piece_code;
  outcome.version = job.version;
  outcome.attempt = job.attempts;
  outcome.worker = worker;
  outcome.outcome = "poison";
  outcome.error = "given up after " + std::to_string(job.attempts) + " attempts";
  return outcome;
}

JobAttempt OutcomeOf(const SupersededJob& job, const std::string& worker) {
  JobAttempt outcome;
  outcome.job = job.id;
  outcome.candidature = job.candidature_id;
  outcome.piece = job.piece_code;
  outcome.version = job.version;
  outcome.worker = worker;
  outcome.outcome = "superseded";
  outcome.error = "replaced by a newer version before it ran";
  return outcome;
}

void Log(const JobAttempt& outcome) {
  std::cout << JobLogLine(outcome) << std::endl;
}

}  // namespace

JobRunner::JobRunner(ConnectionPool& pool, const std::string& data_dir, WorkerSettings settings,
                     PiecePolicy policy, std::string worker_id, JobWatch watch)
    : pool_(pool),
      store_(data_dir),
      settings_(std::move(settings)),
      policy_(std::move(policy)),
      worker_(std::move(worker_id)),
      watch_(std::move(watch)) {}

JobRunner::~JobRunner() = default;

template <typename Body>
auto JobRunner::WithDatabase(Body body) {
  Clock::time_point give_up = Clock::now() + settings_.lease;
  for (;;) {
    try {
      PooledConnection connection = pool_.Acquire();
      try {
        return body(*connection);
      } catch (const sql::SQLException&) {
        connection.Discard();
        throw;
      }
    } catch (const sql::SQLException& error) {
      if (!Transient(error) || Clock::now() >= give_up) throw;
      std::this_thread::sleep_for(std::chrono::seconds(1));
    }
  }
}

std::optional<JobAttempt> JobRunner::RunNext() {
  Claim claim;
  {
    PooledConnection connection = pool_.Acquire();
    try {
      claim = ClaimJob(*connection, worker_, settings_);
    } catch (const sql::SQLException&) {
      connection.Discard();
      throw;
    }
  }
  std::optional<JobAttempt> last;
  for (const SupersededJob& superseded : claim.superseded) {
    last = OutcomeOf(superseded, worker_);
    Log(*last);
  }
  for (const PoisonedJob& poisoned : claim.poisoned) {
    last = OutcomeOf(poisoned, worker_);
    Log(*last);
  }
  if (claim.job) return Run(*claim.job);
  return last;
}

JobAttempt JobRunner::Run(const ClaimedJob& job) {
  Clock::time_point start = Clock::now();
  JobAttempt outcome;
  try {
    outcome = Attempt(job);
  } catch (const sql::SQLException&) {
    throw;  // the database is away: the lease runs out and the job comes back
  } catch (const std::exception& error) {
    outcome = Fail(job, "crashed", error.what());
  }
  outcome.ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  Log(outcome);
  return outcome;
}

JobAttempt JobRunner::Attempt(const ClaimedJob& job) {
  JobInputs inputs;
  try {
    inputs = WithDatabase([&](sql::Connection& connection) {
      return LoadJobInputs(connection, store_, job, policy_);
    });
  } catch (const JobInputError& error) {
    return Fail(job, "crashed", error.what());
  }
  IneReader* reader = nullptr;
  try {
    reader = ReaderFor(inputs.rules.check_ine);
  } catch (const std::exception& error) {
    return Release(job, std::string("the INE reader cannot start: ") + error.what(),
                   settings_.backoff_max);
  }
  TempOutput pdf(store_.TempPath());
  TempOutput thumbnail(store_.TempPath());
  JobOutputPaths paths{pdf.path(), thumbnail.path()};
  JobTick tick(pool_, job, settings_, watch_);
  ChildResult child =
      RunLimitedChild([&](int fd) { return ProcessJobInChild(inputs, reader, paths, fd); },
                      JobChildLimits(settings_, paths), [&] { return tick(); });
  std::string no_report =
      "job child exited with code " + std::to_string(child.exit_code) + " without a report";
  switch (VerdictOf(child)) {
    case ChildVerdict::NotStarted:
      return Release(job, "cannot fork a job child", settings_.backoff_base);
    case ChildVerdict::NotConfined:  // our fault, not the document's
      return Release(job, "the job child could not be confined", settings_.backoff_max);
    case ChildVerdict::Cancelled:
      if (tick.stop() == JobTick::Stop::LeaseLost) return LoseLease(job);
      return Release(job, "the worker stopped before the job ended", milliseconds(0));
    case ChildVerdict::TimedOut:
      return Fail(
          job, "timeout",
          "job child stopped after " + std::to_string(settings_.job_timeout.count()) + " s");
    case ChildVerdict::Crashed:
      return Fail(job, "crashed",
                  WithOutput("job child ended by " + SignalName(child.signal), child.output));
    case ChildVerdict::NoReport:
      return Fail(job, "crashed", WithOutput(no_report, child.output));
    case ChildVerdict::StorageFault:
      return WaitForSpace(job, "job child: " + child.output);
    case ChildVerdict::Reported:
      break;
  }
  PrecheckResult result;
  try {
    result.report = PieceReport::FromJson(child.output);
  } catch (const JsonParseError& error) {  // the child's, so its fault: one attempt
    return Fail(job, "crashed", WithOutput(no_report, error.what()));
  }
  return Complete(job, std::move(result), paths);
}

JobAttempt JobRunner::Complete(const ClaimedJob& job, PrecheckResult result,
                               const JobOutputPaths& paths) {
  if (result.report.accepted) {
    try {
      result.output_key = store_.NewKey("results");
      store_.Publish(paths.pdf, result.output_key);
      result.thumbnail_key = PublishThumbnail(paths.thumbnail);
    } catch (const BlobError& error) {
      RemoveOutputs(result);
      std::string why = std::string("cannot store the result: ") + error.what();
      if (error.storage_fault()) return WaitForSpace(job, why);
      return Release(job, why, settings_.backoff_max);
    }
  }
  Completion completion;
  try {
    completion = WithDatabase([&](sql::Connection& connection) {
      return CompleteJob(connection, job, result, settings_.public_url);
    });
  } catch (...) {
    RemoveOutputs(result);
    throw;
  }
  JobAttempt outcome = OutcomeOf(job);
  if (completion == Completion::LeaseLost) {
    RemoveOutputs(result);
    outcome.outcome = "lost_lease";
    return outcome;
  }
  outcome.outcome = "done";
  const PieceReport& report = result.report;
  outcome.status = report.accepted ? "accepted" : "refused";
  outcome.reason = report.reason ? ReasonCode(*report.reason) : "";
  outcome.ine = report.ine.verdict;
  return outcome;
}

std::string JobRunner::PublishThumbnail(const std::string& temp_path) {
  struct stat file;
  if (stat(temp_path.c_str(), &file) != 0 || !S_ISREG(file.st_mode) || file.st_size == 0) return "";
  std::string key = store_.NewKey("results");
  try {
    store_.Publish(temp_path, key);
  } catch (const BlobError& error) {
    if (!error.storage_fault()) return "";
    store_.Remove(key);  // renamed, perhaps, before the directory's sync failed
    throw;
  }
  return key;
}

void JobRunner::RemoveOutputs(const PrecheckResult& result) {
  for (const std::string* key : {&result.output_key, &result.thumbnail_key}) {
    if (key->empty()) continue;
    try {
      store_.Remove(*key);
    } catch (const BlobError&) {
    }
  }
}

JobAttempt JobRunner::Fail(const ClaimedJob& job, const std::string& run_outcome,
                           const std::string& error) {
  FailureHandling handling = WithDatabase([&](sql::Connection& connection) {
    return FailJob(connection, job, run_outcome, error, settings_);
  });
  JobAttempt outcome = OutcomeOf(job);
  outcome.error = error;
  outcome.outcome = handling == FailureHandling::Poisoned    ? "poison"
                    : handling == FailureHandling::LeaseLost ? "lost_lease"
                                                             : run_outcome;
  return outcome;
}

JobAttempt JobRunner::Release(const ClaimedJob& job, const std::string& why,
                              std::chrono::milliseconds delay) {
  bool released = WithDatabase(
      [&](sql::Connection& connection) { return ReleaseJob(connection, job, why, delay); });
  JobAttempt outcome = OutcomeOf(job);
  outcome.error = why;
  outcome.outcome = released ? "released" : "lost_lease";
  return outcome;
}

JobAttempt JobRunner::WaitForSpace(const ClaimedJob& job, const std::string& error) {
  std::optional<milliseconds> delay = WithDatabase([&](sql::Connection& connection) {
    return ReleaseForStorage(connection, job, error, settings_);
  });
  JobAttempt outcome = OutcomeOf(job);
  outcome.outcome = delay ? "storage_full" : "lost_lease";
  outcome.error = error;
  if (delay) outcome.error += "; due again in " + std::to_string(delay->count() / 1000) + " s";
  return outcome;
}

JobAttempt JobRunner::LoseLease(const ClaimedJob& job) {
  WithDatabase([&](sql::Connection& connection) {
    EndRun(connection, job.run_id, "lost_lease", "another worker holds the job");
    return true;
  });
  JobAttempt outcome = OutcomeOf(job);
  outcome.outcome = "lost_lease";
  return outcome;
}

IneReader* JobRunner::ReaderFor(bool check_ine) {
  if (!check_ine) return nullptr;
  if (!ine_reader_) ine_reader_ = std::make_unique<IneReader>();
  return ine_reader_.get();
}

}  // namespace dossier
