#include "bench/deadline-sim/ServiceRun.h"

#include <atomic>
#include <cstdio>
#include <iostream>
#include <thread>

#include "bench/deadline-sim/CandidateRun.h"
#include "bench/deadline-sim/DeadlineCurve.h"
#include "bench/deadline-sim/ResultPoller.h"
#include "bench/deadline-sim/TokenMint.h"

namespace dossier::sim {

std::string ServiceRun::AdminToken() const {
  if (!options_.admin_token.empty()) return options_.admin_token;
  return MintToken(options_.dossier_bin, options_.data_dir, "admin");
}

// Tokens are minted before the clock starts: `dossier token` is a process
// start each, which would otherwise load the machine during the run.
std::vector<DossierTrack> ServiceRun::PlanDossiers(const std::string& admin_token) const {
  DeadlineCurve curve(options_.dossiers, options_.steady_rate, options_.surge_factor,
                      options_.surge_at);
  std::vector<double> arrivals = curve.ArrivalOffsets();
  std::vector<DossierTrack> dossiers(arrivals.size());
  for (std::size_t i = 0; i < arrivals.size(); ++i) {
    char id[64];
    std::snprintf(id, sizeof id, "%s-%04zu", options_.id_prefix.c_str(), i + 1);
    dossiers[i].id = id;
    dossiers[i].planned_s = arrivals[i];
    dossiers[i].token = options_.data_dir.empty()
                            ? admin_token
                            : MintToken(options_.dossier_bin, options_.data_dir, "candidat", id);
  }
  return dossiers;
}

ServiceRunResult ServiceRun::Run() {
  const Poco::URI base(options_.url);
  const std::string admin_token = AdminToken();
  std::cerr << "deadline-sim: minting " << options_.dossiers << " candidate tokens ...\n";
  DossierLedger ledger(PlanDossiers(admin_token));
  std::cerr << "deadline-sim: running " << options_.dossiers << " dossiers, "
            << options_.concurrency << " uploaders ...\n";
  SimClock clock;
  SamplingLoop sampling(base, options_.watch_pids, clock);
  sampling.Start();
  std::atomic<std::size_t> next{0};
  std::atomic<bool> uploads_over{false};
  auto uploader = [&] {
    ServiceClient client(base);
    CandidateRun candidate(client, pieces_, admin_token, ledger, errors_, clock,
                           options_.uplink_mbit * 1e6 / 8);
    for (std::size_t i; (i = next++) < ledger.Size();) {
      clock.SleepUntil(ledger.Plan(i).planned_s);
      if (clock.Now() > options_.max_seconds) {
        errors_.Add("not_sent");
        ledger.UploadsFinished(i, clock.Now());
        continue;
      }
      candidate.Run(i);
    }
  };
  ResultPoller poller(base, ledger, errors_, clock, options_.max_seconds);
  std::thread polling([&] { poller.Run(uploads_over); });
  std::vector<std::thread> uploaders;
  for (int i = 0; i < options_.concurrency; ++i) uploaders.emplace_back(uploader);
  for (std::thread& thread : uploaders) thread.join();
  uploads_over = true;
  polling.join();
  ServiceRunResult result;
  result.run_s = clock.Now();
  sampling.Stop();
  result.dossiers = ledger.Snapshot();
  result.series = sampling.Series();
  result.processes = sampling.Processes().Processes();
  result.transient_processes = sampling.Processes().TransientProcesses();
  result.peak_rss_sum_mb = sampling.Processes().PeakRssSumMb();
  return result;
}

}  // namespace dossier::sim
