#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "server/notify/NotificationSender.h"

namespace dossier {

class ConnectionPool;

struct OutboxDeliverySettings {
  std::chrono::milliseconds poll_interval{1000};
  int max_attempts = 10;                   // then the row stays unsent, with its last error
  std::chrono::seconds first_backoff{30};  // after the first failure; doubles after each
  std::chrono::seconds max_backoff{3600};
  int batch = 10;  // rows claimed per pass
  // How long claimed rows stay hidden from other servers while this one
  // sends them; longer than a batch of slow sends.
  std::chrono::seconds claim_lease{600};
};

// Sends the outbox's notifications: a thread that claims due rows (a small
// batch, SELECT … FOR UPDATE SKIP LOCKED, then a lease on next_attempt_at in
// the same short transaction), hands each to the sender, and records sent_at,
// or on failure attempts + 1, last_error and the next attempt after a
// growing backoff. Several servers may run one each against the same
// database: a row is claimed by one of them at a time. A crash between the
// send and its record sends the row again after the lease: at least once.
class OutboxDelivery {
 public:
  OutboxDelivery(ConnectionPool& pool, NotificationSender& sender,
                 OutboxDeliverySettings settings = {});
  ~OutboxDelivery();  // stops the thread
  OutboxDelivery(const OutboxDelivery&) = delete;
  OutboxDelivery& operator=(const OutboxDelivery&) = delete;

  void Start();  // the background thread; no-op when running
  void Stop();   // finishes the message in hand, then joins

  // One pass: claims up to a batch of due rows and delivers them; returns
  // how many were sent. Throws sql::SQLException when the database fails.
  int DeliverPending();

 private:
  struct Pass {
    int claimed = 0;
    int sent = 0;
  };
  struct Claimed {
    OutboxMessage message;
    int attempts = 0;
  };

  Pass RunPass();
  std::vector<Claimed> Claim();
  void RecordSent(const Claimed& row);
  void RecordFailure(const Claimed& row, const std::string& error);
  std::chrono::seconds BackoffAfter(int attempts) const;
  void Loop();
  bool PassLogged(std::string& last_error);

  ConnectionPool& pool_;
  NotificationSender& sender_;
  OutboxDeliverySettings settings_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
};

}  // namespace dossier
