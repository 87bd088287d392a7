#include "store/db/Transaction.h"

#include <cppconn/connection.h>
#include <cppconn/exception.h>

namespace dossier {

Transaction::Transaction(sql::Connection& connection) : connection_(connection) {
  connection_.setAutoCommit(false);
}

Transaction::~Transaction() {
  if (done_) return;
  try {
    connection_.rollback();
    connection_.setAutoCommit(true);
  } catch (const sql::SQLException&) {
    // The connection is gone; the server rolled the transaction back.
  }
}

void Transaction::Commit() {
  connection_.commit();
  connection_.setAutoCommit(true);
  done_ = true;
}

}  // namespace dossier
