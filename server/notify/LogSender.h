#pragma once

#include <iostream>
#include <mutex>

#include "server/notify/NotificationSender.h"

namespace dossier {

// Logs each notification as one JSON line instead of mailing it (no mail
// server configured, or a message without recipient):
//   {"ts","event":"notification","id","candidature","kind","recipient","subject"}
// The body stays out of the log: it is the candidate's business.
class LogSender : public NotificationSender {
 public:
  explicit LogSender(std::ostream& out = std::cout);
  void Send(const OutboxMessage& message) override;

 private:
  std::ostream& out_;
  std::mutex mutex_;  // one whole line at a time
};

}  // namespace dossier
