#include "server/notify/OutboxDelivery.h"

#include <Poco/DateTimeFormatter.h>
#include <Poco/JSON/Object.h>
#include <Poco/Timestamp.h>
#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <algorithm>
#include <iostream>
#include <memory>

#include "core/json/JsonText.h"
#include "server/http/MaskedEmails.h"
#include "store/db/ConnectionPool.h"
#include "store/db/Transaction.h"
#include "store/tables/Counters.h"

namespace dossier {
namespace {

constexpr std::size_t kMaxErrorText = 2000;

// A line of the service log: {"ts","event":"outbox_error"|"outbox_recovered",…}.
void LogDeliveryEvent(const std::string& event, const std::string& error) {
  Poco::JSON::Object line(Poco::JSON_PRESERVE_KEY_ORDER);
  line.set("ts", Poco::DateTimeFormatter::format(Poco::Timestamp(), "%Y-%m-%dT%H:%M:%S.%iZ"));
  line.set("event", event);
  if (!error.empty()) line.set("error", MaskedEmails(error));  // a relay's reply: any bytes
  std::cout << JsonText(line) + "\n" << std::flush;
}

std::string Column(sql::ResultSet& rows, int column) {
  return rows.isNull(column) ? std::string() : std::string(rows.getString(column));
}

}  // namespace

OutboxDelivery::OutboxDelivery(ConnectionPool& pool, NotificationSender& sender,
                               OutboxDeliverySettings settings)
    : pool_(pool), sender_(sender), settings_(settings) {}

OutboxDelivery::~OutboxDelivery() {
  Stop();
}

void OutboxDelivery::Start() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { Loop(); });
}

void OutboxDelivery::Stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

int OutboxDelivery::DeliverPending() {
  return RunPass().sent;
}

OutboxDelivery::Pass OutboxDelivery::RunPass() {
  Pass pass;
  std::vector<Claimed> rows = Claim();
  pass.claimed = static_cast<int>(rows.size());
  for (const Claimed& row : rows) {
    try {
      sender_.Send(row.message);
    } catch (const std::exception& error) {
      RecordFailure(row, error.what());
      continue;
    }
    RecordSent(row);
    ++pass.sent;
  }
  return pass;
}

// The claim is its own short transaction: rows locked by another server's
// claim are skipped, and the lease keeps them from the next passes.
std::vector<OutboxDelivery::Claimed> OutboxDelivery::Claim() {
  PooledConnection connection = pool_.Acquire();
  Transaction transaction(*connection);
  std::unique_ptr<sql::PreparedStatement> select(connection->prepareStatement(
      "SELECT id, candidature_id, kind, recipient, subject, body, attempts FROM outbox "
      "WHERE sent_at IS NULL AND next_attempt_at <= UTC_TIMESTAMP(3) AND attempts < ? "
      "ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED"));
  select->setInt(1, settings_.max_attempts);
  select->setInt(2, settings_.batch);
  std::unique_ptr<sql::ResultSet> rows(select->executeQuery());
  std::vector<Claimed> claimed;
  while (rows->next()) {
    Claimed row;
    row.message.id = rows->getInt64(1);
    row.message.candidature = Column(*rows, 2);
    row.message.kind = Column(*rows, 3);
    row.message.recipient = Column(*rows, 4);
    row.message.subject = Column(*rows, 5);
    row.message.body = Column(*rows, 6);
    row.attempts = rows->getInt(7);
    claimed.push_back(std::move(row));
  }
  std::unique_ptr<sql::PreparedStatement> lease(connection->prepareStatement(
      "UPDATE outbox SET next_attempt_at = UTC_TIMESTAMP(3) + INTERVAL ? SECOND WHERE id = ?"));
  for (const Claimed& row : claimed) {
    lease->setInt64(1, settings_.claim_lease.count());
    lease->setInt64(2, row.message.id);
    lease->executeUpdate();
  }
  transaction.Commit();
  return claimed;
}

void OutboxDelivery::RecordSent(const Claimed& row) {
  PooledConnection connection = pool_.Acquire();
  std::unique_ptr<sql::PreparedStatement> update(connection->prepareStatement(
      "UPDATE outbox SET sent_at = UTC_TIMESTAMP(3) WHERE id = ? AND sent_at IS NULL"));
  update->setInt64(1, row.message.id);
  update->executeUpdate();
  AddToCounter(*connection, "notifications_sent");
}

void OutboxDelivery::RecordFailure(const Claimed& row, const std::string& error) {
  PooledConnection connection = pool_.Acquire();
  std::unique_ptr<sql::PreparedStatement> update(connection->prepareStatement(
      "UPDATE outbox SET attempts = attempts + 1, last_error = ?, "
      "next_attempt_at = UTC_TIMESTAMP(3) + INTERVAL ? SECOND WHERE id = ? AND sent_at IS NULL"));
  update->setString(1, error.substr(0, kMaxErrorText));
  update->setInt64(2, BackoffAfter(row.attempts + 1).count());
  update->setInt64(3, row.message.id);
  update->executeUpdate();
  if (row.attempts + 1 >= settings_.max_attempts)
    AddToCounter(*connection, "notifications_abandoned");
}

// first_backoff after the first failure, doubled after each one, capped.
std::chrono::seconds OutboxDelivery::BackoffAfter(int attempts) const {
  std::chrono::seconds backoff = settings_.first_backoff;
  for (int i = 1; i < attempts && backoff < settings_.max_backoff; ++i) backoff *= 2;
  return std::min(backoff, settings_.max_backoff);
}

// One pass that never throws: a failure is logged once, until it changes or
// delivery works again. Returns whether a full batch was claimed (more may
// be due right away).
bool OutboxDelivery::PassLogged(std::string& last_error) {
  try {
    Pass pass = RunPass();
    if (!last_error.empty()) LogDeliveryEvent("outbox_recovered", "");
    last_error.clear();
    return pass.claimed >= settings_.batch;
  } catch (const std::exception& error) {
    if (last_error != error.what()) LogDeliveryEvent("outbox_error", error.what());
    last_error = error.what();
    return false;
  }
}

void OutboxDelivery::Loop() {
  std::string last_error;
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    bool more = PassLogged(last_error);
    lock.lock();
    if (!more) wake_.wait_for(lock, settings_.poll_interval, [this] { return stopping_; });
  }
}

}  // namespace dossier
