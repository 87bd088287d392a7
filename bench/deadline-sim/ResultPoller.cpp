#include "bench/deadline-sim/ResultPoller.h"

#include <Poco/JSON/Parser.h>

#include <iostream>

namespace dossier::sim {
namespace {

constexpr double kCycleSeconds = 0.25;
// The queue is first in, first out: the oldest dossiers in flight are the
// ones about to finish, so they are polled every cycle; the others every
// kColdEvery cycles, which keeps the poller's own load on the service small
// when a hundred dossiers wait.
constexpr std::size_t kHotDossiers = 16;
constexpr long kColdEvery = 8;

}  // namespace

std::map<std::string, PieceView> ParseCandidatureView(const std::string& body) {
  Poco::JSON::Parser parser;
  Poco::JSON::Object::Ptr root = parser.parse(body).extract<Poco::JSON::Object::Ptr>();
  Poco::JSON::Array::Ptr pieces = root->getArray("pieces");
  std::map<std::string, PieceView> view;
  for (std::size_t i = 0; pieces && i < pieces->size(); ++i) {
    Poco::JSON::Object::Ptr piece = pieces->getObject(static_cast<unsigned>(i));
    PieceView seen{piece->optValue<std::string>("processing", ""), ""};
    Poco::JSON::Object::Ptr report =
        piece->isObject("report") ? piece->getObject("report") : nullptr;
    if (report) seen.report_status = report->optValue<std::string>("status", "");
    view[piece->getValue<std::string>("code")] = seen;
  }
  return view;
}

void ResultPoller::Poll(std::size_t index) {
  const DossierTrack& plan = ledger_.Plan(index);
  HttpAnswer answer =
      client_.Send({"GET", "/api/v1/candidatures/" + plan.id, plan.token, {}, "", nullptr});
  double at = clock_.Now();
  if (answer.status != 200) {
    errors_.Add(answer.status ? "poll_http_" + std::to_string(answer.status) : "poll_connection");
    return;
  }
  try {
    for (const auto& [code, outcome] :
         ledger_.RecordView(index, ParseCandidatureView(answer.body), at)) {
      if (outcome == "refused") errors_.Add("refused_report");
      if (outcome == "unprocessable") errors_.Add("unprocessable");
      if (outcome != "accepted" && outcome != "refused" && outcome != "unprocessable")
        errors_.Add("no_report");
      if (outcome != "accepted")
        std::cerr << "deadline-sim: " << plan.id << "/" << code << ": " << outcome << "\n";
    }
  } catch (const std::exception& error) {
    errors_.Add("poll_bad_body");
  }
}

void ResultPoller::PollCycle(long cycle) {
  std::vector<std::size_t> watched = ledger_.Watched();
  for (std::size_t rank = 0; rank < watched.size(); ++rank)
    if (rank < kHotDossiers || (cycle + static_cast<long>(rank)) % kColdEvery == 0)
      Poll(watched[rank]);
}

void ResultPoller::TimeOutTheRest() {
  for (std::size_t index : ledger_.Watched()) {
    ledger_.TimeOut(index);
    errors_.Add("timeout");
  }
}

void ResultPoller::Run(const std::atomic<bool>& uploads_over) {
  for (long cycle = 0;; ++cycle) {
    double cycle_start = clock_.Now();
    if (uploads_over && ledger_.Settled()) return;
    if (cycle_start > deadline_s_) return TimeOutTheRest();
    PollCycle(cycle);
    clock_.SleepUntil(cycle_start + kCycleSeconds);
  }
}

}  // namespace dossier::sim
