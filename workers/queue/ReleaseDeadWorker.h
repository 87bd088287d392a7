#pragma once

#include <string>

namespace sql {
class Connection;
}

namespace dossier {

// What a worker process that died (killed, crashed) left behind, found by
// its id prefix "host:pid:": the leases of its running jobs end now, so
// another worker reclaims them at once instead of after the lease (the
// attempt stays counted: the document may be what killed it); its open
// job_run rows end `crashed`; its row in the process registry goes.
// Returns how many jobs were released.
int ReleaseDeadWorker(sql::Connection& connection, const std::string& host, int pid);

}  // namespace dossier
