// The upload rate of a candidature, kept in the database: a burst, then one
// upload per interval, the same whichever connection (whichever server
// process) asks, and never more than the burst when many ask at once.
#include <cppconn/connection.h>
#include <cppconn/statement.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "ingest/upload/UploadAllowance.h"
#include "tests/db/TestDatabase.h"

namespace dossier {
namespace {

class UploadAllowanceTest : public ::testing::Test {
 protected:
  UploadAllowanceTest() {
    Execute(
        "INSERT INTO candidature (id, formation, status, created_at, updated_at) VALUES "
        "('C1', 'Licence', 'AT', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)), "
        "('C2', 'Licence', 'AT', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))");
  }

  void Execute(const std::string& statement) {
    PooledConnection connection = db_.pool().Acquire();
    std::unique_ptr<sql::Statement>(connection->createStatement())->execute(statement);
  }

  int Take(const std::string& id, const CandidatureQuota& quota) {
    PooledConnection connection = db_.pool().Acquire();
    return TakeUploadAllowance(*connection, id, quota);
  }

  static CandidatureQuota Quota(int burst, int interval_seconds) {
    CandidatureQuota quota;
    quota.upload_burst = burst;
    quota.upload_interval_seconds = interval_seconds;
    return quota;
  }

  test::TestDatabase db_;
};

TEST_F(UploadAllowanceTest, ABurstThenAWaitOfAboutOneInterval) {
  CandidatureQuota quota = Quota(3, 60);
  EXPECT_EQ(Take("C1", quota), 0);
  EXPECT_EQ(Take("C1", quota), 0);
  EXPECT_EQ(Take("C1", quota), 0);
  int wait = Take("C1", quota);
  EXPECT_GE(wait, 59);
  EXPECT_LE(wait, 60);
  // A refusal takes nothing: asking again does not push the wait further.
  EXPECT_LE(Take("C1", quota), wait);
  // Another candidature has its own allowance.
  EXPECT_EQ(Take("C2", quota), 0);
  EXPECT_EQ(db_.Count("SELECT COUNT(*) FROM upload_allowance"), 2);
}

TEST_F(UploadAllowanceTest, TheAllowanceComesBackWithTime) {
  CandidatureQuota quota = Quota(1, 1);
  EXPECT_EQ(Take("C1", quota), 0);
  EXPECT_EQ(Take("C1", quota), 1);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  EXPECT_EQ(Take("C1", quota), 0);
  // Unused time does not pile up past the burst.
  Execute("UPDATE upload_allowance SET full_at = UTC_TIMESTAMP(3) - INTERVAL 1 DAY");
  EXPECT_EQ(Take("C1", quota), 0);
  EXPECT_EQ(Take("C1", quota), 1);
}

TEST_F(UploadAllowanceTest, NoIntervalMeansNoLimit) {
  CandidatureQuota quota = Quota(1, 0);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(Take("C1", quota), 0);
}

TEST_F(UploadAllowanceTest, ManyServersAskingAtOnceGetNoMoreThanTheBurst) {
  CandidatureQuota quota = Quota(4, 600);
  std::atomic<int> granted{0};
  std::vector<std::thread> servers;
  for (int i = 0; i < 8; ++i)
    servers.emplace_back([&] {
      if (Take("C1", quota) == 0) ++granted;
    });
  for (std::thread& server : servers) server.join();
  EXPECT_EQ(granted.load(), 4);
}

}  // namespace
}  // namespace dossier
