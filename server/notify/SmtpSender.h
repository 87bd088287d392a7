#pragma once

#include <chrono>
#include <string>

#include "server/notify/LogSender.h"
#include "server/notify/NotificationSender.h"

namespace dossier {

struct SmtpSettings {
  std::string host = "localhost";
  int port = 25;
  std::string from = "ne-pas-repondre@localhost";  // the From address
  std::chrono::seconds timeout{30};                // connect and each reply
};

// Mails each notification through an SMTP relay (plain SMTP, no
// authentication: the relay of the establishment's network), UTF-8 subject
// and body. A message without recipient is logged instead and counts as
// delivered. Each message carries a Message-ID made from its outbox id, so a
// message sent again after a lost reply can be recognised as the same.
class SmtpSender : public NotificationSender {
 public:
  explicit SmtpSender(SmtpSettings settings, std::ostream& log = std::cout);
  void Send(const OutboxMessage& message) override;

 private:
  SmtpSettings settings_;
  LogSender log_;
};

}  // namespace dossier
