#include "server/notify/LogSender.h"

#include <Poco/DateTimeFormatter.h>
#include <Poco/Timestamp.h>

#include "processors/core/JsonWriter.h"

namespace dossier {

LogSender::LogSender(std::ostream& out) : out_(out) {}

void LogSender::Send(const OutboxMessage& message) {
  JsonWriter line;
  // clang-format off
  line.BeginObject()
      .Key("ts").String(Poco::DateTimeFormatter::format(Poco::Timestamp(), "%Y-%m-%dT%H:%M:%S.%iZ"))
      .Key("event").String("notification")
      .Key("id").Integer(static_cast<long long>(message.id))
      .Key("candidature").String(message.candidature)
      .Key("kind").String(message.kind)
      .Key("recipient").String(message.recipient)
      .Key("subject").String(message.subject)
      .EndObject();
  // clang-format on
  std::lock_guard<std::mutex> lock(mutex_);
  out_ << line.str() + "\n" << std::flush;
}

}  // namespace dossier
