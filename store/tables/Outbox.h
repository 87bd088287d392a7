#pragma once

#include <string>

namespace sql {
class Connection;
}

namespace dossier {

// A notification for the candidate, written in the same transaction as the
// change it announces: committed together or not at all.
struct Notification {
  std::string candidature_id;
  std::string kind;  // "candidature_status", "piece_refused", …
  std::string subject;
  std::string body;
};

// Adds the notification to the outbox; the recipient is the candidature's
// e-mail address at this moment (none: the sender logs it only).
void AddNotification(sql::Connection& connection, const Notification& notification);

}  // namespace dossier
