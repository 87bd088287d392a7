// deadline-sim: the day before the eCandidat deadline, against a running
// dossierd, then the command-line peer on the same machine; see bench/README.md.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "bench/deadline-sim/ErrorCounts.h"
#include "bench/deadline-sim/PeerRun.h"
#include "bench/deadline-sim/ReferencePieces.h"
#include "bench/deadline-sim/ServiceRun.h"
#include "bench/deadline-sim/SimOptions.h"
#include "bench/deadline-sim/SimReport.h"
#include "bench/deadline-sim/SimSummary.h"

namespace {

using namespace dossier::sim;

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path);
}

// The pièces stay in memory; a directory generated here is removed when the run ends.
struct ReferenceFiles {
  std::vector<PieceUpload> pieces;
  std::string generated_dir;
  ~ReferenceFiles() {
    std::error_code ignored;
    if (!generated_dir.empty()) std::filesystem::remove_all(generated_dir, ignored);
  }
};

void LoadReference(const SimOptions& options, ReferenceFiles& files) {
  std::string dir = options.fixtures_dir;
  if (dir.empty()) {
    std::cerr << "deadline-sim: generating the reference dossier ...\n";
    dir = files.generated_dir = GenerateReferenceFixtures();
  }
  files.pieces = LoadReferencePieces(dir);
}

int Simulate(const SimOptions& options) {
  ReferenceFiles reference;
  LoadReference(options, reference);
  const std::vector<PieceUpload>& pieces = reference.pieces;
  ErrorCounts errors;
  ServiceRunResult run = ServiceRun(options, pieces, errors).Run();
  PeerResult peer;
  if (options.peer_dossiers > 0) {
    std::cerr << "deadline-sim: peer, " << options.peer_dossiers << " dossiers ...\n";
    peer = RunPeer(pieces, options.peer_dossiers);
    if (peer.failed_pieces) errors.Add("peer_failed_piece");
  }
  SimSummary summary = Summarize(run, peer, errors.ByKind(), errors.Notes());
  summary.uplink_mbit = options.uplink_mbit;
  SimReportInput report{options, run, peer, summary};
  WriteFile(options.json_path, ReportJson(report));
  WriteFile(ChartPathFor(options.json_path), ReportChart(report).Render());
  std::cout << ReportTable(report) << "JSON: " << options.json_path
            << "\nchart: " << ChartPathFor(options.json_path) << "\n";
  return summary.errors == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return Simulate(ParseSimOptions(argc, argv));
  } catch (const SimUsageError& error) {
    std::cerr << "deadline-sim: " << error.what() << "\n" << SimUsage();
    return 2;
  } catch (const std::exception& error) {
    std::cerr << "deadline-sim: " << error.what() << "\n";
    return 1;
  }
}
