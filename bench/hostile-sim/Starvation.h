// One candidate floods the queue with hostile PDFs; another candidate's CV
// must still get its result in seconds.
#pragma once

#include <Poco/URI.h>

#include <string>
#include <vector>

namespace dossier::sim {

struct StarvationSetup {
  Poco::URI base;
  std::string dossier_bin;  // mints the tokens (`dossier token`)
  std::string data_dir;
  std::vector<std::string> hostile;  // the attacker's files, one upload each
  std::string victim_cv;
  double timeout_s = 300;
};

struct StarvationReport {
  double victim_alone_s = -1;     // the CV's result with nothing else queued
  double victim_attacked_s = -1;  // the same behind the attack
  std::string victim_outcome;     // report status of the attacked CV
  int hostile_acknowledged = 0;
  int rate_limited = 0;                       // 429 answers the attacker met
  double hostile_settled_s = -1;              // first hostile upload to the last hostile result
  std::vector<std::string> hostile_outcomes;  // "refused", "unprocessable", …
};

StarvationReport RunStarvation(const StarvationSetup& setup);

}  // namespace dossier::sim
