// hostile-sim: one hostile client against a running dossierd, measured
// against the same service left alone in the same run.
//
//   hostile-sim --url URL --data-dir DIR --dossier BIN [--slow-connections N]
//               [--byte-interval-ms MS] [--attack-seconds S] [--json FILE]
//
// 1. /healthz probed 20 times a second, and the 10 Mo reference scan
//    uploaded, with nothing else going on;
// 2. the same while N connections (default 1000) from this address send
//    their request head one byte every MS milliseconds (default 10 000) and
//    reconnect whenever the service closes them;
// 3. a victim's CV result alone, then behind one candidate's eight hostile
//    PDFs (images declaring 10 000 megapixels, nested forms, operator floods,
//    giant pages), the attacker re-sending whatever the rate limit holds back.
// Prints a table; --json writes the figures.
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <thread>
#include <vips/vips8>

#include "bench/deadline-sim/MultipartBody.h"
#include "bench/deadline-sim/ServiceClient.h"
#include "bench/deadline-sim/TokenMint.h"
#include "bench/hostile-sim/Probe.h"
#include "bench/hostile-sim/SlowHeads.h"
#include "bench/hostile-sim/Starvation.h"
#include "tests/fixtures/BornDigitalPdf.h"
#include "tests/fixtures/HostilePdf.h"
#include "tests/fixtures/ReferenceDossier.h"
#include "tests/fixtures/ScannedPdf.h"

namespace dossier::sim {
namespace {

struct Options {
  std::string url, data_dir, dossier_bin, json;
  int slow_connections = 1000;
  int byte_interval_ms = 10'000;
  double attack_seconds = 30;
};

Options Parse(int argc, char** argv) {
  std::map<std::string, std::string> flags;
  for (int i = 1; i + 1 < argc; i += 2) flags[argv[i]] = argv[i + 1];
  Options options;
  options.url = flags["--url"];
  options.data_dir = flags["--data-dir"];
  options.dossier_bin = flags["--dossier"];
  options.json = flags["--json"];
  if (flags.count("--slow-connections"))
    options.slow_connections = std::stoi(flags["--slow-connections"]);
  if (flags.count("--byte-interval-ms"))
    options.byte_interval_ms = std::stoi(flags["--byte-interval-ms"]);
  if (flags.count("--attack-seconds"))
    options.attack_seconds = std::stod(flags["--attack-seconds"]);
  if (options.url.empty() || options.data_dir.empty() || options.dossier_bin.empty() ||
      argc % 2 == 0)
    throw std::invalid_argument(
        "usage: hostile-sim --url URL --data-dir DIR --dossier BIN [--slow-connections N] "
        "[--byte-interval-ms MS] [--attack-seconds S] [--json FILE]");
  return options;
}

// The 10 Mo scan's acknowledgement, from the last body byte to the 202.
double ScanAckMs(const Poco::URI& base, const Options& options, const std::string& id,
                 const std::string& scan) {
  ServiceClient client(base);
  std::string admin = MintToken(options.dossier_bin, options.data_dir, "admin");
  std::string candidature =
      R"({"formation": "Licence Droit", "ine": "1234567890V", "nom": "Durand", "prenom": "Léa", )"
      R"("date_limite": "2027-03-31", "pieces": [{"code": "releve_bac", "mandatory": true}]})";
  client.Send({"PUT", "/api/v1/candidatures/" + id, admin, {}, "application/json", &candidature});
  std::string token = MintToken(options.dossier_bin, options.data_dir, "candidat", id);
  std::string body = MultipartBody({{"releve.pdf", scan}}, "----scan-boundary");
  HttpAnswer answer = client.Send({"POST",
                                   "/api/v1/candidatures/" + id + "/pieces/releve_bac/files",
                                   token,
                                   {},
                                   MultipartContentType("----scan-boundary"),
                                   &body});
  return answer.status == 202 ? answer.wait_after_body_ms : -1;
}

std::string Fixed(double value, int decimals = 1) {
  char text[32];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return text;
}

int Run(const Options& options) {
  Poco::URI base(options.url);
  std::cerr << "hostile-sim: generating the scan and the hostile PDFs ...\n";
  std::string scan =
      fixtures::ScannedPdf(fixtures::ReleveBacScanSpec(), fixtures::kReleveBacJpegQuality);
  std::vector<std::string> hostile = {fixtures::HugeDeclaredImagePdf(), fixtures::NestedFormsPdf(),
                                      fixtures::OperatorFloodPdf(),     fixtures::GiantPagePdf(),
                                      fixtures::HugeDeclaredImagePdf(), fixtures::NestedFormsPdf(),
                                      fixtures::OperatorFloodPdf(),     fixtures::GiantPagePdf()};
  std::string cv = fixtures::BornDigitalPdf({{"Curriculum vitae", "Camille Martin"}});

  std::cerr << "hostile-sim: /healthz and the scan, service alone ...\n";
  ProbeReport calm = ProbeHealthz(base, 20, 10);
  double calm_ack = ScanAckMs(base, options, "SCAN-CALME", scan);

  std::cerr << "hostile-sim: " << options.slow_connections << " slow connections ...\n";
  SlowHeads slow(base.getPort(), options.slow_connections,
                 std::chrono::milliseconds(options.byte_interval_ms));
  slow.Start();
  std::this_thread::sleep_for(std::chrono::seconds(2));
  double attacked_ack = -1;
  std::thread upload([&] { attacked_ack = ScanAckMs(base, options, "SCAN-ATTAQUE", scan); });
  ProbeReport attacked = ProbeHealthz(base, 20, options.attack_seconds);
  upload.join();
  SlowHeadsReport slow_report = slow.Stop();

  std::cerr << "hostile-sim: starvation ...\n";
  StarvationReport starvation =
      RunStarvation({base, options.dossier_bin, options.data_dir, hostile, cv, 300});

  std::string outcomes;
  for (const std::string& outcome : starvation.hostile_outcomes)
    outcomes += (outcomes.empty() ? "" : ", ") + outcome;
  std::cout << "\n| measure | service alone | one hostile client |\n| --- | --: | --: |\n"
            << "| /healthz p50 (ms) | " << Fixed(calm.ms.Percentile(50)) << " | "
            << Fixed(attacked.ms.Percentile(50)) << " |\n"
            << "| /healthz p99 (ms) | " << Fixed(calm.ms.Percentile(99)) << " | "
            << Fixed(attacked.ms.Percentile(99)) << " |\n"
            << "| /healthz failures | " << calm.failures << " / " << calm.ms.Count() + calm.failures
            << " | " << attacked.failures << " / " << attacked.ms.Count() + attacked.failures
            << " |\n"
            << "| 10 Mo scan ack (ms) | " << Fixed(calm_ack) << " | " << Fixed(attacked_ack)
            << " |\n"
            << "| victim CV result (s) | " << Fixed(starvation.victim_alone_s, 2) << " | "
            << Fixed(starvation.victim_attacked_s, 2) << " |\n\n"
            << "slow connections: " << slow_report.connected << " opened, "
            << slow_report.closed_by_service << " closed by the service, "
            << slow_report.open_at_end << " open at the end, " << slow_report.bytes_sent
            << " bytes sent\n"
            << "hostile uploads: " << starvation.hostile_acknowledged << " acknowledged, "
            << starvation.rate_limited << " answers 429, all settled in "
            << Fixed(starvation.hostile_settled_s) << " s: " << outcomes << "\n"
            << "victim CV behind the attack: " << starvation.victim_outcome << "\n";
  if (!options.json.empty()) {
    std::ofstream json(options.json);
    json << "{\"healthz_calm_p50_ms\": " << calm.ms.Percentile(50)
         << ", \"healthz_calm_p99_ms\": " << calm.ms.Percentile(99)
         << ", \"healthz_attacked_p50_ms\": " << attacked.ms.Percentile(50)
         << ", \"healthz_attacked_p99_ms\": " << attacked.ms.Percentile(99)
         << ", \"healthz_attacked_failures\": " << attacked.failures
         << ", \"scan_ack_calm_ms\": " << calm_ack << ", \"scan_ack_attacked_ms\": " << attacked_ack
         << ", \"slow_connections_opened\": " << slow_report.connected
         << ", \"slow_closed_by_service\": " << slow_report.closed_by_service
         << ", \"victim_alone_s\": " << starvation.victim_alone_s
         << ", \"victim_attacked_s\": " << starvation.victim_attacked_s
         << ", \"hostile_acknowledged\": " << starvation.hostile_acknowledged
         << ", \"hostile_rate_limited\": " << starvation.rate_limited
         << ", \"hostile_settled_s\": " << starvation.hostile_settled_s << "}\n";
  }
  bool held = attacked.failures == 0 && attacked_ack >= 0 && starvation.victim_attacked_s >= 0;
  return held ? 0 : 1;
}

}  // namespace
}  // namespace dossier::sim

int main(int argc, char** argv) {
  if (VIPS_INIT(argv[0]) != 0) return 1;
  try {
    return dossier::sim::Run(dossier::sim::Parse(argc, argv));
  } catch (const std::exception& error) {
    std::cerr << "hostile-sim: " << error.what() << "\n";
    return 2;
  }
}
