#pragma once

#include <cstdint>
#include <string>

namespace dossier {

// One row of the outbox, as the delivery hands it to a sender.
struct OutboxMessage {
  std::int64_t id = 0;
  std::string candidature;
  std::string kind;       // "candidature_status", "piece_refused", …
  std::string recipient;  // "" when the candidature has no e-mail address
  std::string subject;    // UTF-8
  std::string body;       // UTF-8 plain text
};

}  // namespace dossier
