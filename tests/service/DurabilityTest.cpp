// "Nothing lost": 200 uploads while worker processes are killed with SIGKILL
// at random and the whole service is killed and restarted once. Every
// acknowledged upload must end processed exactly once.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include "tests/fixtures/BornDigitalPdf.h"
#include "tests/service/ServiceTestbed.h"

namespace dossier::test {
namespace {

constexpr int kCandidatures = 50;
const char* const kPieces[] = {"cv", "lettre_motivation", "identite", "diplomes"};
constexpr int kUploads = kCandidatures * 4;

std::string CandidatureId(int i) {
  return "D-" + std::to_string(1000 + i);
}

class Durability : public ::testing::Test {
 protected:
  // Short leases so that work held by a killed process comes back quickly;
  // enough attempts that random kills never make a sound file poison.
  ServiceTestbed bed{
      {"--workers", "2", "--lease", "3", "--retry-backoff-ms", "100", "--max-attempts", "30"}};
  std::mutex mutex;
  std::set<long> acknowledged_jobs;
  std::atomic<int> sent{0};
  std::atomic<bool> restarting{false};
  std::atomic<int> retries{0};

  // Uploads until acknowledged, with the same Idempotency-Key on every try,
  // as a browser retrying after a network error would.
  void UploadUntilAcknowledged(int index) {
    std::string id = CandidatureId(index / 4);
    std::string piece = kPieces[index % 4];
    std::string pdf = fixtures::BornDigitalPdf({{"Pièce " + std::to_string(index), piece}});
    std::string token = bed.Token("candidat", id);
    std::string key = "upload-" + std::to_string(index);
    for (int attempt = 0; attempt < 600; ++attempt) {
      ApiClient client(bed.service().port());
      ApiResponse response = client.Upload(id, piece, token, {{piece + ".pdf", pdf}}, key);
      if (response.status == 202) {
        std::lock_guard<std::mutex> lock(mutex);
        acknowledged_jobs.insert(response.Json()->getValue<long>("job"));
        return;
      }
      ASSERT_TRUE(response.status == 0 || response.status == 503) << response.body;
      ++retries;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    FAIL() << "upload " << index << " never acknowledged";
  }

  void WaitForQueueToDrain(int seconds) {
    for (int i = 0; i < seconds * 5; ++i) {
      if (bed.db.Count("SELECT COUNT(*) FROM job WHERE state IN ('queued', 'running')") == 0 &&
          bed.db.Count("SELECT COUNT(*) FROM job") >= kUploads)
        return;
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
  }
};

TEST_F(Durability, EveryAcknowledgedUploadIsProcessedExactlyOnceDespiteKills) {
  for (int i = 0; i < kCandidatures; ++i)
    ASSERT_EQ(
        bed.CreateCandidature(
            CandidatureId(i),
            {{"cv", true}, {"lettre_motivation", true}, {"identite", true}, {"diplomes", true}}),
        201);
  // Kills while the uploads flow: a random worker every 0,6 to 1,2 s. (A
  // worker killed again and again right after its start is a crash loop to
  // the supervisor, which then waits longer before each restart.)
  std::atomic<bool> done{false};
  std::atomic<int> worker_kills{0};
  std::thread killer([&] {
    std::mt19937 random(7);
    while (!done) {
      std::this_thread::sleep_for(std::chrono::milliseconds(600 + random() % 600));
      if (restarting) continue;
      std::vector<pid_t> workers = bed.service().Children();
      if (workers.empty()) continue;
      if (kill(workers[random() % workers.size()], SIGKILL) == 0) ++worker_kills;
    }
  });
  std::atomic<int> next{0};
  auto uploader = [&] {
    for (int index = next++; index < kUploads; index = next++) {
      if (index == kUploads / 2) {
        restarting = true;  // the whole service dies mid-stream, then comes back
        bed.service().Kill();
        bed.Restart();
        restarting = false;
      }
      UploadUntilAcknowledged(index);
      // Candidates arrive over time, not all in the same second: the kills
      // land while uploads and processing overlap.
      std::this_thread::sleep_for(std::chrono::milliseconds(60));
    }
  };
  std::thread first(uploader), second(uploader);
  first.join();
  second.join();
  done = true;
  killer.join();
  WaitForQueueToDrain(240);

  EXPECT_GE(worker_kills.load(), 3);
  ASSERT_EQ(acknowledged_jobs.size(), static_cast<std::size_t>(kUploads));
  // None lost, none duplicated: one version, one file, one job and one
  // result per acknowledged upload.
  EXPECT_EQ(bed.db.Count("SELECT COUNT(*) FROM piece_version"), kUploads);
  EXPECT_EQ(bed.db.Count("SELECT COUNT(*) FROM fichier"), kUploads);
  EXPECT_EQ(bed.db.Count("SELECT COUNT(*) FROM job"), kUploads);
  EXPECT_EQ(bed.db.Count("SELECT COUNT(*) FROM job WHERE state = 'done'"), kUploads);
  EXPECT_EQ(bed.db.Count("SELECT COUNT(*) FROM precheck WHERE outcome = 'accepted'"), kUploads);
  EXPECT_EQ(bed.db.Count("SELECT COUNT(*) FROM job_run WHERE outcome = 'done'"), kUploads);
  for (long job : acknowledged_jobs) {
    EXPECT_EQ(bed.db.Count("SELECT COUNT(*) FROM precheck p JOIN job j ON "
                           "j.piece_version_id = p.piece_version_id WHERE j.id = " +
                           std::to_string(job) + " AND p.job_id = j.id"),
              1)
        << "job " << job;
  }
  // Every result PDF is where its row says.
  int missing = 0;
  for (const std::string& key : bed.db.Column("SELECT output_key FROM precheck"))
    missing += access((bed.data.path() + "/" + key).c_str(), R_OK) != 0;
  EXPECT_EQ(missing, 0);
  // The supervisor saw the kills, counted them and replaced the workers.
  EXPECT_GE(bed.db.Count("SELECT COALESCE(SUM(value), 0) FROM counter WHERE name = "
                         "'worker_restarts'"),
            1);
  std::cout << "uploads " << kUploads << ", client retries " << retries << ", worker kills "
            << worker_kills << ", extra job runs "
            << bed.db.Count("SELECT COUNT(*) FROM job_run") - kUploads << "\n";
}

}  // namespace
}  // namespace dossier::test
