#pragma once

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <list>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/errors/ErrorCode.h"
#include "server/gate/GateSettings.h"
#include "server/gate/RequestHead.h"

namespace dossier {

class ServingLane;

// What the gate did, for /metrics and the stop line.
struct GateCounters {
  std::atomic<std::uint64_t> accepted{0};
  std::atomic<std::uint64_t> head_timeouts{0};
  std::atomic<std::uint64_t> evicted{0};          // oldest waiting head closed past a cap
  std::atomic<std::uint64_t> refused_framing{0};  // 400/431/501/505 on the head itself
  std::atomic<std::uint64_t> refused_busy{0};     // 503: address or queue over its cap
};

// The door of the HTTP service. One event loop accepts every connection and
// watches it, without a thread, until its whole request head has arrived
// (peeked, not consumed, so the serving thread reads it as usual); then it
// checks the head's framing and hands the connection to a serving lane.
// A kept-alive connection comes back here between requests. Slow clients
// thus hold file descriptors, never threads, and only for
// GateSettings::head_timeout_seconds.
class HeadGate {
 public:
  // Serves one request on a connection; true when it may be kept alive.
  using Serve = std::function<bool(Poco::Net::StreamSocket&)>;

  HeadGate(const GateSettings& settings, Poco::Net::ServerSocket listening, ServingLane& main,
           ServingLane& reserve, Serve serve);
  ~HeadGate();  // StopAccepting()
  HeadGate(const HeadGate&) = delete;
  HeadGate& operator=(const HeadGate&) = delete;

  void Start();
  // Closes the listening socket and every connection still sending its head.
  void StopAccepting();
  // Requests being served right now.
  int serving() const;
  // Shuts the sockets of the requests still being served (the end of a stop).
  void CutServing();
  const GateCounters& counters() const { return counters_; }

 private:
  using Clock = std::chrono::steady_clock;
  struct Waiting {
    Poco::Net::StreamSocket socket;
    std::string address;
    Clock::time_point deadline;
    bool idle = false;     // kept alive, no byte of its next head yet
    bool closing = false;  // answered by the gate; read and dropped until it closes
    std::list<int>::iterator age;
  };

  void Loop();
  void AcceptAll();
  void Watch(Poco::Net::StreamSocket socket, const std::string& address, bool idle);
  void OnReadable(int fd);
  void OnHead(int fd, const RequestHead& head);
  bool Hand(int fd, const RequestHead& head, const std::string& request_id);
  void Answer(int fd, ErrorCode code, int retry_after = 0, const std::string& request_id = "");
  void DrainClosing(int fd);
  void Close(int fd);
  void EvictOldest(const std::string& address);
  void ExpireDeadlines();
  void TakeReturned();
  // `client`: the serving cap's key; `peer`: the waiting caps' key.
  void Finished(const std::string& client, const std::string& peer, int fd,
                Poco::Net::StreamSocket socket, bool keep);

  const GateSettings settings_;
  Poco::Net::ServerSocket listening_;
  ServingLane& main_;
  ServingLane& reserve_;
  Serve serve_;
  GateCounters counters_;

  int epoll_fd_ = -1;
  int wake_fd_ = -1;
  std::atomic<bool> stopping_{false};
  std::thread loop_;
  std::vector<char> peek_;

  // The loop thread's own: connections sending their head, oldest first.
  std::unordered_map<int, Waiting> waiting_;
  std::list<int> ages_;
  std::unordered_map<std::string, int> waiting_per_address_;

  // Shared with the serving threads.
  mutable std::mutex serving_mutex_;
  std::unordered_map<std::string, int> serving_per_address_;
  std::unordered_set<int> serving_fds_;
  std::vector<std::pair<Poco::Net::StreamSocket, std::string>> returned_;
};

}  // namespace dossier
