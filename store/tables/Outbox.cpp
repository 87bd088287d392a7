#include "store/tables/Outbox.h"

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>

#include <memory>

namespace dossier {

void AddNotification(sql::Connection& connection, const Notification& notification) {
  std::unique_ptr<sql::PreparedStatement> insert(connection.prepareStatement(
      "INSERT INTO outbox (candidature_id, kind, recipient, subject, body, created_at, "
      "next_attempt_at) SELECT ?, ?, email, ?, ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3) "
      "FROM candidature WHERE id = ?"));
  insert->setString(1, notification.candidature_id);
  insert->setString(2, notification.kind);
  insert->setString(3, notification.subject);
  insert->setString(4, notification.body);
  insert->setString(5, notification.candidature_id);
  insert->executeUpdate();
}

}  // namespace dossier
