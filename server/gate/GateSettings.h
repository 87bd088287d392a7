#pragma once

#include <cstddef>

#include "server/http/TrustedProxies.h"

namespace dossier {

// How the connection gate holds the door against slow and greedy clients.
// A connection costs a serving thread only once its whole request head has
// arrived; until then it is a file descriptor watched by one event loop.
struct GateSettings {
  // The request line and every header must arrive within this many seconds
  // of the connection (or of its first byte, on a kept-alive connection): a
  // deadline for the whole head, not per read, so one byte every few
  // seconds cannot hold a connection open.
  int head_timeout_seconds = 10;
  // A kept-alive connection may stay silent this long before its next request.
  int keep_alive_seconds = 5;
  // Longer heads are answered 431: real browsers send 1 to 3 KiB.
  std::size_t max_head_bytes = 16 * 1024;
  // Connections still sending their head, per client address and in all.
  // Past either cap the oldest such connection is closed: a request that
  // arrives whole (a /healthz probe, a browser) is never the one that waits.
  int max_waiting_per_address = 256;
  int max_waiting = 8192;
  // Requests being served at once for one client address; more get 503 and
  // Retry-After. The probes of /healthz, /readyz and /metrics do not count.
  int max_serving_per_address = 32;
  // Whose X-Forwarded-For names the client (--trusted-proxies). The waiting
  // caps count peers (nothing is parsed yet); the serving cap counts the
  // client the head names, once it is parsed.
  TrustedProxies trusted_proxies;
  // Threads kept apart from the main ones: the probes always run there, and
  // authenticated requests when every main thread is busy. The last
  // `probe_only_threads` of them serve the probes only.
  int reserve_threads = 8;
  int probe_only_threads = 2;
  // Requests waiting for a main thread beyond this get 503.
  int max_queued = 1024;
};

}  // namespace dossier
