#include "workers/queue/ReleaseDeadWorker.h"

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>

#include <memory>

#include "store/db/Transaction.h"

namespace dossier {
namespace {

// Binds the prefix twice: `LEFT(column, CHAR_LENGTH(?)) = ?` matches ids
// beginning with it, whatever characters the host name holds (no LIKE
// wildcards to escape).
int RunWithPrefix(sql::Connection& connection, const std::string& sql_text,
                  const std::string& prefix) {
  std::unique_ptr<sql::PreparedStatement> statement(connection.prepareStatement(sql_text));
  statement->setString(1, prefix);
  statement->setString(2, prefix);
  return statement->executeUpdate();
}

}  // namespace

int ReleaseDeadWorker(sql::Connection& connection, const std::string& host, int pid) {
  std::string prefix = host + ":" + std::to_string(pid) + ":";
  Transaction transaction(connection);
  int released = RunWithPrefix(
      connection,
      "UPDATE job SET locked_until = UTC_TIMESTAMP(3), last_error = 'worker process died' "
      "WHERE state = 'running' AND LEFT(locked_by, CHAR_LENGTH(?)) = ?",
      prefix);
  RunWithPrefix(connection,
                "UPDATE job_run SET ended_at = UTC_TIMESTAMP(3), outcome = 'crashed', "
                "error = 'worker process died' "
                "WHERE ended_at IS NULL AND LEFT(worker, CHAR_LENGTH(?)) = ?",
                prefix);
  RunWithPrefix(connection, "DELETE FROM worker WHERE LEFT(id, CHAR_LENGTH(?)) = ?", prefix);
  transaction.Commit();
  return released;
}

}  // namespace dossier
