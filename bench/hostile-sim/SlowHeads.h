// The slowloris client: many connections from one address that send a
// request head one byte at a time and reconnect whenever the service closes
// them, for as long as the run lasts.
#pragma once

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

namespace dossier::sim {

struct SlowHeadsReport {
  long connected = 0;  // connections opened, reconnections included
  long closed_by_service = 0;
  long bytes_sent = 0;
  int open_at_end = 0;  // still open when the run stopped
};

class SlowHeads {
 public:
  // `connections` sockets to 127.0.0.1:`port`, one byte each every `interval`.
  SlowHeads(int port, int connections, std::chrono::milliseconds interval);
  ~SlowHeads();  // Stop()
  SlowHeads(const SlowHeads&) = delete;
  SlowHeads& operator=(const SlowHeads&) = delete;

  void Start();
  SlowHeadsReport Stop();

 private:
  void Run();

  const int port_;
  const int connections_;
  const std::chrono::milliseconds interval_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
  SlowHeadsReport report_;
};

}  // namespace dossier::sim
