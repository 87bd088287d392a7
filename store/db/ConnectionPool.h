#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#include "store/db/DatabaseUrl.h"

namespace sql {
class Connection;
}

namespace dossier {

class ConnectionPool;

// A connection borrowed from the pool, given back when this goes out of
// scope. Prepared statements only: callers use prepareStatement().
class PooledConnection {
 public:
  PooledConnection(ConnectionPool* pool, std::unique_ptr<sql::Connection> connection);
  PooledConnection(PooledConnection&&) noexcept;
  PooledConnection& operator=(PooledConnection&&) = delete;
  ~PooledConnection();

  sql::Connection& operator*() const { return *connection_; }
  sql::Connection* operator->() const { return connection_.get(); }
  // The connection broke (server restarted): do not give it back.
  void Discard() { broken_ = true; }

 private:
  ConnectionPool* pool_;
  std::unique_ptr<sql::Connection> connection_;
  bool broken_ = false;
};

// A bounded set of connections to the workflow database, shared by the
// threads of one process. Opens connections lazily, up to `size`; a caller
// beyond that waits. Broken connections are replaced, so a restart of the
// database costs the requests in flight, not the process.
class ConnectionPool {
 public:
  ConnectionPool(DatabaseUrl url, int size);
  ~ConnectionPool();
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  // Throws sql::SQLException when the database cannot be reached, and
  // std::runtime_error when no connection frees up within `wait`.
  PooledConnection Acquire(std::chrono::milliseconds wait = std::chrono::seconds(10));
  const DatabaseUrl& url() const { return url_; }

  // A fresh connection outside the pool (migrations, long-lived loops).
  static std::unique_ptr<sql::Connection> Connect(const DatabaseUrl& url, bool with_schema = true);

 private:
  friend class PooledConnection;
  void GiveBack(std::unique_ptr<sql::Connection> connection, bool broken);

  DatabaseUrl url_;
  int size_;
  int open_ = 0;
  std::vector<std::unique_ptr<sql::Connection>> idle_;
  std::mutex mutex_;
  std::condition_variable freed_;
};

}  // namespace dossier
