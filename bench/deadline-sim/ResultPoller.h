// Waits for the results the way a candidate's page does: GET the candidature
// until no pièce is pending, over HTTP only. One thread, one kept-alive
// connection, for every dossier in flight.
#pragma once

#include <atomic>
#include <map>
#include <string>

#include "bench/deadline-sim/DossierLedger.h"
#include "bench/deadline-sim/ErrorCounts.h"
#include "bench/deadline-sim/ServiceClient.h"
#include "bench/deadline-sim/SimClock.h"

namespace dossier::sim {

class ResultPoller {
 public:
  ResultPoller(const Poco::URI& base, DossierLedger& ledger, ErrorCounts& errors,
               const SimClock& clock, double deadline_s)
      : client_(base), ledger_(ledger), errors_(errors), clock_(clock), deadline_s_(deadline_s) {}

  // Polls until `uploads_over` is set and every dossier is settled, or until
  // the deadline (the dossiers still waiting then count as timeouts).
  void Run(const std::atomic<bool>& uploads_over);

 private:
  void PollCycle(long cycle);
  void Poll(std::size_t index);
  void TimeOutTheRest();

  ServiceClient client_;
  DossierLedger& ledger_;
  ErrorCounts& errors_;
  const SimClock& clock_;
  double deadline_s_;
};

// The pièces of a GET /api/v1/candidatures/{id} body, by code. Throws on
// a body that is not the candidature JSON.
std::map<std::string, PieceView> ParseCandidatureView(const std::string& body);

}  // namespace dossier::sim
