// dossier-worker: one worker process, as dossierd's supervisor starts it
// (WorkerProcessArgs). The one binary of the service that maps the document
// engines: dossierd, the HTTP process, links none.
#include <string>
#include <vector>

#include "daemon/DaemonOptions.h"
#include "daemon/ServiceMain.h"
#include "daemon/ServicePolicy.h"
#include "store/db/DatabaseLocation.h"
#include "workers/run/WorkerProcess.h"

namespace {

const char* const kWorkerUsage =
    "usage: dossier-worker [--worker-process] [--data-dir DIR] [--db URL] [--policy FILE]\n"
    "                      [--max-attempts N] [--job-timeout S] [--lease S]\n"
    "                      [--retry-backoff-ms N] [--public-url URL]\n"
    "environment: DOSSIER_DB, DOSSIER_DATA_DIR, DOSSIER_PUBLIC_URL\n"
    "One worker process: claims and runs jobs until SIGTERM. dossierd starts these\n"
    "(--workers N) with its own settings; the database URL comes through DOSSIER_DB.\n";

int RunWorker(const dossier::DaemonOptions& options) {
  dossier::DatabaseUrl url = dossier::ResolveDatabaseUrl(options.db, options.data_dir);
  return dossier::RunWorkerProcess(url, options.data_dir, options.workers,
                                   dossier::LoadServicePolicy(options.policy_file));
}

}  // namespace

int main(int argc, char** argv) {
  return dossier::RunServiceMain("dossier-worker", kWorkerUsage,
                                 std::vector<std::string>(argv + 1, argv + argc), RunWorker);
}
