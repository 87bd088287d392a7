#include <gtest/gtest.h>

#include "workers/WorkerSettings.h"

namespace dossier {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

TEST(WorkerSettings, DefaultsAreTheDocumentedOnes) {
  WorkerSettings settings;
  EXPECT_GE(settings.processes, 1);
  EXPECT_EQ(settings.max_attempts, 3);
  EXPECT_EQ(settings.lease, seconds(30));
  EXPECT_EQ(settings.heartbeat, seconds(5));
  EXPECT_EQ(settings.job_timeout, seconds(120));
  EXPECT_EQ(settings.job_memory_bytes, 2ull << 30);
  EXPECT_EQ(settings.idle_poll, milliseconds(250));
  EXPECT_EQ(settings.backoff_base, seconds(2));
  EXPECT_EQ(settings.backoff_max, seconds(60));
  EXPECT_EQ(settings.job_tick, seconds(1));
  // A lease survives several missed heartbeats.
  EXPECT_GE(settings.lease, settings.heartbeat * 3);
}

TEST(WorkerSettings, BackoffDoublesFromTheBaseUpToTheMaximum) {
  WorkerSettings settings;
  EXPECT_EQ(settings.BackoffAfter(1), seconds(2));
  EXPECT_EQ(settings.BackoffAfter(2), seconds(4));
  EXPECT_EQ(settings.BackoffAfter(3), seconds(8));
  EXPECT_EQ(settings.BackoffAfter(5), seconds(32));
  EXPECT_EQ(settings.BackoffAfter(6), seconds(60));
  EXPECT_EQ(settings.BackoffAfter(1000), seconds(60));
}

TEST(WorkerSettings, StorageBackoffDoublesFromFiveSecondsToFiveMinutes) {
  WorkerSettings settings;
  EXPECT_EQ(settings.StorageBackoffAfter(0), seconds(5));
  EXPECT_EQ(settings.StorageBackoffAfter(1), seconds(10));
  EXPECT_EQ(settings.StorageBackoffAfter(3), seconds(40));
  EXPECT_EQ(settings.StorageBackoffAfter(5), seconds(160));
  EXPECT_EQ(settings.StorageBackoffAfter(6), seconds(300));
  EXPECT_EQ(settings.StorageBackoffAfter(1000), seconds(300));
}

TEST(WorkerSettings, ZeroBaseMeansRetryAtOnce) {
  WorkerSettings settings;
  settings.backoff_base = milliseconds(0);
  EXPECT_EQ(settings.BackoffAfter(1), milliseconds(0));
  EXPECT_EQ(settings.BackoffAfter(3), milliseconds(0));
}

}  // namespace
}  // namespace dossier
