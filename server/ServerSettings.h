#pragma once

#include <string>
#include <thread>

#include "ingest/upload/CandidatureQuota.h"
#include "ingest/upload/UploadLimits.h"
#include "server/gate/GateSettings.h"

namespace dossier {

// One document program per core (at least one).
inline int DefaultDocumentPrograms() {
  unsigned cores = std::thread::hardware_concurrency();
  return cores > 0 ? static_cast<int>(cores) : 1;
}

// How the HTTP side of dossierd serves: where it listens, how many requests
// it runs at once, what an upload may bring, and when /readyz turns away
// traffic.
struct ServerSettings {
  std::string bind_address = "127.0.0.1";
  int port = 8080;  // 0: any free port (HttpService::port() tells which)
  // The main serving threads: uploads from slow mobile links hold one for
  // their whole body, so the deadline peak needs many. A connection still
  // sending its head holds none (see GateSettings).
  int threads = 128;
  int max_queued_connections = 1024;  // the listening socket's backlog
  GateSettings gate;
  UploadLimits upload;
  // Per candidature: uploads in a short time, bytes kept, versions kept.
  CandidatureQuota quota;
  int queue_bound = 1000;         // /readyz says "saturated" above this many queued+running jobs
  int worker_alive_seconds = 15;  // a worker row seen this recently counts as alive
  std::string assemble_binary;    // `dossier`: assembles the dossier PDF, draws the receipt PDF
  // How many of those programs run at once (each may take a core and
  // 2 GiB); more requests wait for one, then get 503. Default: the cores.
  int max_document_programs = DefaultDocumentPrograms();
  int stop_grace_seconds = 30;  // Stop() waits this long for requests in flight
  // The web pages (candidat.html, gestion.html, static/*) are served from
  // this folder instead of the copy built into the binary: a page changes
  // without a rebuild. Empty: the built-in copy.
  std::string web_dir;
  // The service's address as candidates reach it ("https://pj.univ.fr"):
  // the mails link to the candidate page under it. Empty: no link.
  std::string public_url;
};

}  // namespace dossier
