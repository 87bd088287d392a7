#include "bench/deadline-sim/CandidateRun.h"

#include <atomic>
#include <iostream>

namespace dossier::sim {
namespace {

std::string CandidatureBody(const std::vector<PieceUpload>& pieces) {
  std::string body = "{\"formation\": \"Licence Math\u00e9matiques \u2014 L1\", \"ine\": \"";
  body += kDeclaredIne;
  body += "\", \"pieces\": [";
  for (std::size_t i = 0; i < pieces.size(); ++i)
    body += (i ? ", " : "") + std::string("{\"code\": \"") + pieces[i].code +
            "\", \"mandatory\": true}";
  return body + "]}";
}

}  // namespace

void CandidateRun::CountFailure(const HttpAnswer& answer, const std::string& what) {
  std::string kind = answer.status == 0 ? "connection" : "http_" + std::to_string(answer.status);
  errors_.Add(kind);
  // The first few say why; a failing run would otherwise print thousands of lines.
  static std::atomic<int> shown{0};
  if (shown++ < 10)
    std::cerr << "deadline-sim: " << what << ": "
              << (answer.status ? "HTTP " + std::to_string(answer.status) + " " + answer.body
                                : answer.connection_error)
              << "\n";
}

bool CandidateRun::CreateCandidature(const DossierTrack& plan) {
  std::string body = CandidatureBody(pieces_);
  HttpRequestSpec spec{
      "PUT", "/api/v1/candidatures/" + plan.id, admin_token_, {}, "application/json", &body};
  bool retried = false;
  HttpAnswer answer = client_.SendWithRetry(spec, &retried);
  if (retried) errors_.Note("connection_retried");
  if (answer.status == 200 || answer.status == 201) return true;
  CountFailure(answer, "PUT " + plan.id);
  return false;
}

void CandidateRun::Upload(std::size_t index, const DossierTrack& plan, const PieceUpload& piece) {
  HttpRequestSpec spec{"POST",
                       "/api/v1/candidatures/" + plan.id + "/pieces/" + piece.code + "/files",
                       plan.token,
                       {{"Idempotency-Key", plan.id + "-" + piece.code}},
                       piece.content_type,
                       &piece.body,
                       uplink_bytes_per_s_};
  double sent = clock_.Now();
  ledger_.UploadSent(index, piece.code, sent);
  bool retried = false;
  HttpAnswer answer = client_.SendWithRetry(spec, &retried);
  if (retried) errors_.Note("connection_retried");
  ledger_.UploadAnswered(index, piece.code, answer.status, clock_.Now(), answer.wait_after_body_ms);
  if (answer.status != 202) CountFailure(answer, "upload " + plan.id + "/" + piece.code);
}

void CandidateRun::Run(std::size_t index) {
  const DossierTrack& plan = ledger_.Plan(index);
  if (CreateCandidature(plan))
    for (const PieceUpload& piece : pieces_) Upload(index, plan, piece);
  ledger_.UploadsFinished(index, clock_.Now());
}

}  // namespace dossier::sim
