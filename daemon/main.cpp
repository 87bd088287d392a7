// dossierd: the service universities run behind eCandidat.
#include <string>
#include <vector>

#include "daemon/Daemon.h"
#include "daemon/DaemonOptions.h"
#include "daemon/ServiceMain.h"

int main(int argc, char** argv) {
  return dossier::RunServiceMain("dossierd", dossier::kDaemonUsage,
                                 std::vector<std::string>(argv + 1, argv + argc),
                                 dossier::RunDaemon);
}
