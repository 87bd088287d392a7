#include <cppconn/connection.h>
#include <cppconn/statement.h>
#include <gtest/gtest.h>

#include <condition_variable>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "server/notify/OutboxDelivery.h"
#include "store/db/Transaction.h"
#include "store/tables/Outbox.h"
#include "tests/db/TestDatabase.h"

namespace dossier {
namespace {

// Remembers what it was given; fails on demand, as a mail relay that is down.
class RecordingSender : public NotificationSender {
 public:
  void Send(const OutboxMessage& message) override {
    std::unique_lock<std::mutex> lock(mutex_);
    ++calls_;
    if (failing_) throw std::runtime_error("relay down: 421 try again later");
    sent_.push_back(message);
    lock.unlock();
    changed_.notify_all();
    std::this_thread::sleep_for(std::chrono::milliseconds(1));  // a relay takes time
  }
  void SetFailing(bool failing) {
    std::lock_guard<std::mutex> lock(mutex_);
    failing_ = failing;
  }
  std::vector<OutboxMessage> sent() {
    std::lock_guard<std::mutex> lock(mutex_);
    return sent_;
  }
  int calls() {
    std::lock_guard<std::mutex> lock(mutex_);
    return calls_;
  }
  // Waits (30 s at most, a guard against a hang) until `count` were sent.
  bool WaitForSent(std::size_t count) {
    std::unique_lock<std::mutex> lock(mutex_);
    return changed_.wait_for(lock, std::chrono::seconds(30), [&] { return sent_.size() >= count; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<OutboxMessage> sent_;
  int calls_ = 0;
  bool failing_ = false;
};

// Runs a statement that returns no rows (db.Scalar() is for queries).
void Execute(test::TestDatabase& db, const std::string& statement) {
  PooledConnection connection = db.pool().Acquire();
  std::unique_ptr<sql::Statement>(connection->createStatement())->execute(statement);
}

void AddCandidature(test::TestDatabase& db, const std::string& id, const std::string& email) {
  Execute(
      db,
      "INSERT INTO candidature (id, formation, email, status, created_at, updated_at) VALUES ('" +
          id + "', 'Licence Histoire', " + (email.empty() ? "NULL" : "'" + email + "'") +
          ", 'AT', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))");
}

void Notify(test::TestDatabase& db, const std::string& candidature, const std::string& subject) {
  PooledConnection connection = db.pool().Acquire();
  Transaction transaction(*connection);
  AddNotification(*connection, {candidature, "candidature_status", subject,
                                "Bonjour,\nVotre "
                                "dossier a changé."});
  transaction.Commit();
}

// The row is due again now, as if its backoff had passed.
void MakeDue(test::TestDatabase& db) {
  Execute(db, "UPDATE outbox SET next_attempt_at = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND");
}

TEST(OutboxDelivery, DeliversEachPendingRowOnceAndMarksItSent) {
  test::TestDatabase db;
  AddCandidature(db, "c1", "c1@example.fr");
  AddCandidature(db, "c2", "");
  Notify(db, "c1", "Candidature réceptionnée");
  Notify(db, "c2", "Candidature incomplète");
  Notify(db, "c1", "Candidature complète");
  RecordingSender sender;
  OutboxDelivery delivery(db.pool(), sender);

  EXPECT_EQ(delivery.DeliverPending(), 3);
  std::vector<OutboxMessage> sent = sender.sent();
  ASSERT_EQ(sent.size(), 3u);
  EXPECT_EQ(sent[0].candidature, "c1");
  EXPECT_EQ(sent[0].recipient, "c1@example.fr");
  EXPECT_EQ(sent[0].subject, "Candidature réceptionnée");
  EXPECT_EQ(sent[0].kind, "candidature_status");
  EXPECT_EQ(sent[0].body, "Bonjour,\nVotre dossier a changé.");
  EXPECT_EQ(sent[1].recipient, "");  // no address: the sender decides (logs it)
  EXPECT_EQ(sent[2].subject, "Candidature complète");
  EXPECT_EQ(db.Count("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL"), 0);
  EXPECT_EQ(db.Count("SELECT value FROM counter WHERE name = 'notifications_sent'"), 3);

  EXPECT_EQ(delivery.DeliverPending(), 0);
  EXPECT_EQ(sender.calls(), 3);
}

TEST(OutboxDelivery, AFailedSendIsRetriedLaterWithAGrowingBackoff) {
  test::TestDatabase db;
  AddCandidature(db, "c1", "c1@example.fr");
  Notify(db, "c1", "Pièce refusée");
  RecordingSender sender;
  sender.SetFailing(true);
  OutboxDeliverySettings settings;
  settings.first_backoff = std::chrono::seconds(300);
  settings.max_backoff = std::chrono::seconds(5000);
  OutboxDelivery delivery(db.pool(), sender, settings);

  EXPECT_EQ(delivery.DeliverPending(), 0);
  EXPECT_EQ(db.Count("SELECT attempts FROM outbox"), 1);
  EXPECT_EQ(db.Scalar("SELECT last_error FROM outbox"), "relay down: 421 try again later");
  EXPECT_EQ(db.Count("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL"), 1);
  EXPECT_EQ(db.Count("SELECT next_attempt_at > UTC_TIMESTAMP(3) + INTERVAL 200 SECOND FROM outbox"),
            1);
  EXPECT_EQ(delivery.DeliverPending(), 0);  // not due yet: not tried again
  EXPECT_EQ(sender.calls(), 1);

  MakeDue(db);
  EXPECT_EQ(delivery.DeliverPending(), 0);
  EXPECT_EQ(db.Count("SELECT attempts FROM outbox"), 2);
  // The second backoff is twice the first.
  EXPECT_EQ(db.Count("SELECT next_attempt_at > UTC_TIMESTAMP(3) + INTERVAL 500 SECOND FROM outbox"),
            1);

  sender.SetFailing(false);
  MakeDue(db);
  EXPECT_EQ(delivery.DeliverPending(), 1);
  EXPECT_EQ(db.Count("SELECT COUNT(*) FROM outbox WHERE sent_at IS NOT NULL"), 1);
  EXPECT_EQ(db.Count("SELECT attempts FROM outbox"), 2);
}

TEST(OutboxDelivery, GivesUpAfterTheLastAttemptAndCountsIt) {
  test::TestDatabase db;
  AddCandidature(db, "c1", "c1@example.fr");
  Notify(db, "c1", "Candidature complète");
  RecordingSender sender;
  sender.SetFailing(true);
  OutboxDeliverySettings settings;
  settings.max_attempts = 2;
  OutboxDelivery delivery(db.pool(), sender, settings);
  delivery.DeliverPending();
  MakeDue(db);
  delivery.DeliverPending();
  EXPECT_EQ(sender.calls(), 2);
  EXPECT_EQ(db.Count("SELECT value FROM counter WHERE name = 'notifications_abandoned'"), 1);

  sender.SetFailing(false);
  MakeDue(db);
  EXPECT_EQ(delivery.DeliverPending(), 0);
  EXPECT_EQ(sender.calls(), 2);  // never tried again; the row keeps its error
  EXPECT_EQ(db.Count("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND last_error <> ''"), 1);
}

TEST(OutboxDelivery, TwoServersDeliveringAtOnceSendEachRowOnce) {
  test::TestDatabase db;
  AddCandidature(db, "c1", "c1@example.fr");
  const int rows = 60;
  for (int i = 0; i < rows; ++i) Notify(db, "c1", "Message " + std::to_string(i));
  RecordingSender sender;
  OutboxDeliverySettings settings;
  settings.batch = 4;
  ConnectionPool other_pool(db.url(), 4);  // the second server's own connections
  OutboxDelivery first(db.pool(), sender, settings), second(other_pool, sender, settings);
  auto drain = [](OutboxDelivery& delivery) {
    while (delivery.DeliverPending() > 0) {
    }
  };
  std::thread a([&] { drain(first); }), b([&] { drain(second); });
  a.join();
  b.join();
  drain(first);  // whatever one skipped while the other held it

  std::vector<OutboxMessage> sent = sender.sent();
  std::map<std::int64_t, int> times;
  for (const OutboxMessage& message : sent) ++times[message.id];
  EXPECT_EQ(sent.size(), static_cast<std::size_t>(rows));
  EXPECT_EQ(times.size(), static_cast<std::size_t>(rows));
  for (const auto& [id, count] : times) EXPECT_EQ(count, 1) << "outbox row " << id;
  EXPECT_EQ(db.Count("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL"), 0);
}

TEST(OutboxDelivery, TheBackgroundThreadDeliversWhatArrivesAndStops) {
  test::TestDatabase db;
  AddCandidature(db, "c1", "c1@example.fr");
  RecordingSender sender;
  OutboxDeliverySettings settings;
  settings.poll_interval = std::chrono::milliseconds(20);
  OutboxDelivery delivery(db.pool(), sender, settings);
  delivery.Start();
  Notify(db, "c1", "Candidature réceptionnée");
  Notify(db, "c1", "Candidature complète");
  ASSERT_TRUE(sender.WaitForSent(2));
  delivery.Stop();
  EXPECT_EQ(db.Count("SELECT COUNT(*) FROM outbox WHERE sent_at IS NOT NULL"), 2);
  Notify(db, "c1", "Après l'arrêt");
  EXPECT_EQ(delivery.DeliverPending(), 1);  // still usable by hand after Stop()
  EXPECT_EQ(sender.sent().size(), 3u);
}

}  // namespace
}  // namespace dossier
