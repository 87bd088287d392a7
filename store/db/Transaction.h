#pragma once

namespace sql {
class Connection;
}

namespace dossier {

// One database transaction: begun on construction, rolled back on
// destruction unless Commit() was called.
class Transaction {
 public:
  explicit Transaction(sql::Connection& connection);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  void Commit();

 private:
  sql::Connection& connection_;
  bool done_ = false;
};

}  // namespace dossier
