#include "server/notify/LogSender.h"

#include <Poco/DateTimeFormatter.h>
#include <Poco/JSON/Object.h>
#include <Poco/Timestamp.h>

#include "core/json/JsonText.h"
#include "server/http/MaskedEmails.h"

namespace dossier {

LogSender::LogSender(std::ostream& out) : out_(out) {}

void LogSender::Send(const OutboxMessage& message) {
  Poco::JSON::Object line(Poco::JSON_PRESERVE_KEY_ORDER);
  line.set("ts", Poco::DateTimeFormatter::format(Poco::Timestamp(), "%Y-%m-%dT%H:%M:%S.%iZ"));
  line.set("event", "notification");
  line.set("id", message.id);
  line.set("candidature", message.candidature);
  line.set("kind", message.kind);
  line.set("recipient", MaskedEmails(message.recipient));
  line.set("subject", message.subject);
  std::lock_guard<std::mutex> lock(mutex_);
  out_ << JsonText(line) + "\n" << std::flush;
}

}  // namespace dossier
