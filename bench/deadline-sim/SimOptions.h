// Command line of deadline-sim (the service contract): the service to load,
// the deadline curve, the peer run and where the report goes.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace dossier::sim {

struct SimOptions {
  std::string url;              // a running dossierd, e.g. http://127.0.0.1:8080
  int dossiers = 0;             // reference dossiers sent through the service
  int concurrency = 0;          // at most this many candidates uploading at once
  int peer_dossiers = 0;        // reference dossiers through the command-line peer (0: none)
  std::string json_path;        // the report; the chart goes beside it (.svg)
  std::string data_dir;         // the service's data dir, to mint tokens
  std::string admin_token;      // or an admin token given directly
  double steady_rate = 1.0;     // dossiers/s before the surge
  double surge_factor = 25.0;   // the rate is multiplied by this at the surge
  double surge_at = 0.25;       // fraction of the dossiers sent before the surge
  double max_seconds = 900;     // bound on the service run (uploads and results)
  std::string fixtures_dir;     // reference dossier files; generated when empty
  std::string dossier_bin;      // `dossier` CLI (tokens); beside deadline-sim by default
  std::vector<int> watch_pids;  // service processes to sample; all dossierd/mariadbd if empty
  std::string id_prefix;        // candidature ids are <prefix>-<n>
  double uplink_mbit = 0;       // each candidate's upload bandwidth, Mbit/s (0: unlimited)
};

class SimUsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Throws SimUsageError with a sentence when a flag is unknown, missing or out of range.
SimOptions ParseSimOptions(int argc, char** argv);

// The usage text printed on a usage error.
std::string SimUsage();

}  // namespace dossier::sim
