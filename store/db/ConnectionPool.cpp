#include "store/db/ConnectionPool.h"

#include <cppconn/connection.h>
#include <cppconn/exception.h>
#include <cppconn/statement.h>
#include <mysql_driver.h>

#include <stdexcept>

namespace dossier {
namespace {

// Connector/C++ wants mysql_thread_init in every thread that talks to it.
void EnsureThreadInit(sql::mysql::MySQL_Driver* driver) {
  thread_local bool done = false;
  if (!done) {
    driver->threadInit();
    done = true;
  }
}

}  // namespace

std::unique_ptr<sql::Connection> ConnectionPool::Connect(const DatabaseUrl& url, bool with_schema) {
  sql::mysql::MySQL_Driver* driver = sql::mysql::get_mysql_driver_instance();
  EnsureThreadInit(driver);
  sql::ConnectOptionsMap options;
  options["hostName"] = url.ConnectorHost();
  options["userName"] = url.user;
  options["password"] = url.password;
  if (with_schema) options["schema"] = url.schema;
  options["OPT_CHARSET_NAME"] = std::string("utf8mb4");
  options["OPT_RECONNECT"] = false;  // a silent reconnect would lose a transaction
  options["OPT_CONNECT_TIMEOUT"] = 5;
  std::unique_ptr<sql::Connection> connection(driver->connect(options));
  std::unique_ptr<sql::Statement> statement(connection->createStatement());
  // UTC everywhere: DATETIME columns compare with NOW(3) across machines.
  statement->execute("SET time_zone = '+00:00'");
  statement->execute("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED");
  return connection;
}

ConnectionPool::ConnectionPool(DatabaseUrl url, int size) : url_(std::move(url)), size_(size) {}

ConnectionPool::~ConnectionPool() = default;

PooledConnection ConnectionPool::Acquire(std::chrono::milliseconds wait) {
  EnsureThreadInit(sql::mysql::get_mysql_driver_instance());
  std::unique_lock<std::mutex> lock(mutex_);
  auto deadline = std::chrono::steady_clock::now() + wait;
  for (;;) {
    while (!idle_.empty()) {
      std::unique_ptr<sql::Connection> connection = std::move(idle_.back());
      idle_.pop_back();
      if (connection->isValid()) return PooledConnection(this, std::move(connection));
      --open_;  // the server went away since: open a new one below
    }
    if (open_ < size_) {
      ++open_;
      lock.unlock();
      try {
        return PooledConnection(this, Connect(url_));
      } catch (...) {
        lock.lock();
        --open_;
        freed_.notify_one();
        throw;
      }
    }
    if (freed_.wait_until(lock, deadline) == std::cv_status::timeout)
      throw std::runtime_error("no database connection free after " + std::to_string(wait.count()) +
                               " ms");
  }
}

void ConnectionPool::GiveBack(std::unique_ptr<sql::Connection> connection, bool broken) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (broken || connection->isClosed()) {
    --open_;
  } else {
    idle_.push_back(std::move(connection));
  }
  freed_.notify_one();
}

PooledConnection::PooledConnection(ConnectionPool* pool,
                                   std::unique_ptr<sql::Connection> connection)
    : pool_(pool), connection_(std::move(connection)) {}

PooledConnection::PooledConnection(PooledConnection&& other) noexcept
    : pool_(other.pool_), connection_(std::move(other.connection_)), broken_(other.broken_) {
  other.pool_ = nullptr;
}

PooledConnection::~PooledConnection() {
  if (!pool_ || !connection_) return;
  // A connection left inside a transaction (an exception between begin and
  // commit) is rolled back before anyone else gets it.
  bool broken = broken_;
  if (!broken) {
    try {
      if (!connection_->getAutoCommit()) {
        connection_->rollback();
        connection_->setAutoCommit(true);
      }
    } catch (const sql::SQLException&) {
      broken = true;
    }
  }
  pool_->GiveBack(std::move(connection_), broken);
}

}  // namespace dossier
