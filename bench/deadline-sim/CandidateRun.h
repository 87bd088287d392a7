// One simulated candidate: the candidature is created (as eCandidat would,
// with the admin token), then the candidate uploads the five pièces of the
// reference dossier, one request per pièce, on the thread's connection.
#pragma once

#include <string>
#include <vector>

#include "bench/deadline-sim/DossierLedger.h"
#include "bench/deadline-sim/ErrorCounts.h"
#include "bench/deadline-sim/ReferencePieces.h"
#include "bench/deadline-sim/ServiceClient.h"
#include "bench/deadline-sim/SimClock.h"

namespace dossier::sim {

// The INE printed on the reference releve_bac, declared on every candidature.
inline constexpr char kDeclaredIne[] = "1234567890V";

class CandidateRun {
 public:
  CandidateRun(ServiceClient& client, const std::vector<PieceUpload>& pieces,
               const std::string& admin_token, DossierLedger& ledger, ErrorCounts& errors,
               const SimClock& clock, double uplink_bytes_per_s = 0)
      : client_(client),
        pieces_(pieces),
        admin_token_(admin_token),
        ledger_(ledger),
        errors_(errors),
        clock_(clock),
        uplink_bytes_per_s_(uplink_bytes_per_s) {}

  void Run(std::size_t index);

 private:
  bool CreateCandidature(const DossierTrack& plan);
  void Upload(std::size_t index, const DossierTrack& plan, const PieceUpload& piece);
  void CountFailure(const HttpAnswer& answer, const std::string& what);

  ServiceClient& client_;
  const std::vector<PieceUpload>& pieces_;
  const std::string& admin_token_;
  DossierLedger& ledger_;
  ErrorCounts& errors_;
  const SimClock& clock_;
  double uplink_bytes_per_s_;  // each candidate's upload bandwidth (0: unlimited)
};

}  // namespace dossier::sim
