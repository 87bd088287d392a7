#include "bench/hostile-sim/Starvation.h"

#include <chrono>
#include <map>
#include <stdexcept>
#include <thread>

#include "bench/deadline-sim/MultipartBody.h"
#include "bench/deadline-sim/ResultPoller.h"
#include "bench/deadline-sim/ServiceClient.h"
#include "bench/deadline-sim/TokenMint.h"

namespace dossier::sim {
namespace {

using Clock = std::chrono::steady_clock;

// The pièce types of the built-in policy: the attacker sends one file to
// each, so that no upload replaces another.
const std::vector<std::string> kCodes = {
    "cv",       "lettre_motivation", "releve_bac",     "bulletins",
    "identite", "diplomes",          "carte_etudiant", "complementaires"};
const std::string kBoundary = "----hostile-sim-boundary";

double Since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

void CreateCandidature(ServiceClient& client, const std::string& admin, const std::string& id) {
  std::string body =
      R"({"formation": "Licence Informatique", "ine": "1234567890V", "nom": "Martin", )"
      R"("prenom": "Camille", "date_limite": "2027-03-31", "pieces": [)";
  for (std::size_t i = 0; i < kCodes.size(); ++i)
    body += (i ? ", " : "") + std::string(R"({"code": ")") + kCodes[i] + R"(", "mandatory": true})";
  body += "]}";
  HttpAnswer answer =
      client.Send({"PUT", "/api/v1/candidatures/" + id, admin, {}, "application/json", &body});
  if (answer.status != 200 && answer.status != 201)
    throw std::runtime_error("PUT " + id + ": HTTP " + std::to_string(answer.status) + " " +
                             answer.body + answer.connection_error);
}

// One upload, sent again after Retry-After while the service says 429.
HttpAnswer Upload(ServiceClient& client, const std::string& id, const std::string& token,
                  const std::string& code, const std::string& bytes, int* rate_limited,
                  bool wait_on_429) {
  std::string body = MultipartBody({{code + ".pdf", bytes}}, kBoundary);
  for (;;) {
    HttpAnswer answer = client.Send({"POST",
                                     "/api/v1/candidatures/" + id + "/pieces/" + code + "/files",
                                     token,
                                     {},
                                     MultipartContentType(kBoundary),
                                     &body});
    if (answer.status != 429) return answer;
    ++*rate_limited;
    if (!wait_on_429) return answer;
    std::this_thread::sleep_for(std::chrono::seconds(std::max(1, answer.retry_after_s)));
  }
}

// Polls until every listed pièce has left "pending"; their processing
// states, or "timeout".
std::map<std::string, PieceView> WaitSettled(ServiceClient& client, const std::string& id,
                                             const std::string& token,
                                             const std::vector<std::string>& codes,
                                             double timeout_s) {
  auto start = Clock::now();
  std::map<std::string, PieceView> pieces;
  while (Since(start) < timeout_s) {
    HttpAnswer answer = client.Send({"GET", "/api/v1/candidatures/" + id, token, {}, "", nullptr});
    if (answer.status == 200) {
      pieces = ParseCandidatureView(answer.body);
      bool settled = true;
      for (const std::string& code : codes)
        settled = settled && pieces[code].processing != "pending" && pieces[code].processing != "";
      if (settled) return pieces;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  for (const std::string& code : codes) pieces[code].processing = "timeout";
  return pieces;
}

std::string Outcome(const PieceView& piece) {
  return piece.report_status.empty() ? piece.processing : piece.report_status;
}

double VictimWait(ServiceClient& client, const StarvationSetup& setup, const std::string& id,
                  std::string* outcome) {
  std::string token = MintToken(setup.dossier_bin, setup.data_dir, "candidat", id);
  int ignored = 0;
  HttpAnswer answer = Upload(client, id, token, "cv", setup.victim_cv, &ignored, true);
  if (answer.status != 202)
    throw std::runtime_error("victim upload: HTTP " + std::to_string(answer.status));
  auto acknowledged = Clock::now();
  auto pieces = WaitSettled(client, id, token, {"cv"}, setup.timeout_s);
  *outcome = Outcome(pieces["cv"]);
  return *outcome == "timeout" ? -1 : Since(acknowledged);
}

}  // namespace

StarvationReport RunStarvation(const StarvationSetup& setup) {
  StarvationReport report;
  ServiceClient client(setup.base);
  std::string admin = MintToken(setup.dossier_bin, setup.data_dir, "admin");
  for (const char* id : {"VICTIME-SEULE", "VICTIME", "ATTAQUE"})
    CreateCandidature(client, admin, id);
  std::string alone;
  report.victim_alone_s = VictimWait(client, setup, "VICTIME-SEULE", &alone);

  // The attacker's burst: every upload the service takes at once. What the
  // rate limit holds back is sent later, from another thread, while the
  // victim waits.
  std::string attacker = MintToken(setup.dossier_bin, setup.data_dir, "candidat", "ATTAQUE");
  auto attack_start = Clock::now();
  std::vector<std::string> codes;
  std::size_t sent = 0;
  for (; sent < setup.hostile.size() && sent < kCodes.size(); ++sent) {
    HttpAnswer answer = Upload(client, "ATTAQUE", attacker, kCodes[sent], setup.hostile[sent],
                               &report.rate_limited, false);
    if (answer.status == 429) break;
    if (answer.status == 202) codes.push_back(kCodes[sent]);
  }
  std::thread rest([&, sent]() mutable {
    ServiceClient own(setup.base);
    for (; sent < setup.hostile.size() && sent < kCodes.size(); ++sent) {
      HttpAnswer answer = Upload(own, "ATTAQUE", attacker, kCodes[sent], setup.hostile[sent],
                                 &report.rate_limited, true);
      if (answer.status == 202) codes.push_back(kCodes[sent]);
    }
  });
  report.victim_attacked_s = VictimWait(client, setup, "VICTIME", &report.victim_outcome);
  rest.join();
  report.hostile_acknowledged = static_cast<int>(codes.size());
  auto pieces = WaitSettled(client, "ATTAQUE", attacker, codes, setup.timeout_s);
  report.hostile_settled_s = Since(attack_start);
  for (const std::string& code : codes) report.hostile_outcomes.push_back(Outcome(pieces[code]));
  return report;
}

}  // namespace dossier::sim
