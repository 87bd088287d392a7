#pragma once

#include <memory>
#include <stdexcept>
#include <string>

#include "server/notify/OutboxMessage.h"

namespace dossier {

// Where notifications go: a mail server, or the log when there is none.
// Send() returns once the message is handed over and throws (any
// std::exception, with the reason) when it was not; the outbox then tries
// again later. Implementations are called from one delivery thread at a
// time per instance.
class NotificationSender {
 public:
  virtual ~NotificationSender() = default;
  virtual void Send(const OutboxMessage& message) = 0;
};

class SenderUrlError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// The sender the service is configured with: "" logs notifications
// (LogSender); "smtp://host[:port][?from=addr]" mails them through that
// relay (SmtpSender; port 25 by default). Throws SenderUrlError otherwise.
// Defined in MakeSender.cpp.
std::unique_ptr<NotificationSender> MakeSender(const std::string& smtp_url);

}  // namespace dossier
