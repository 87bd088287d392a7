// Workers on other machines: one `--role server` and two `--role worker`
// processes against one database and one shared data directory share the
// work, and no job runs twice.
#include <gtest/gtest.h>

#include <thread>

#include "tests/fixtures/BornDigitalPdf.h"
#include "tests/service/ServiceTestbed.h"

namespace dossier::test {
namespace {

TEST(ScaleOut, TwoWorkerRolesShareTheQueueWithoutRunningAJobTwice) {
  ServiceTestbed bed{{"--role", "server"}};
  std::unique_ptr<ServiceProcess> left = bed.Sibling({"--role", "worker", "--workers", "1"});
  std::unique_ptr<ServiceProcess> right = bed.Sibling({"--role", "worker", "--workers", "1"});
  constexpr int kCandidatures = 20;
  for (int i = 0; i < kCandidatures; ++i) {
    std::string id = "S-" + std::to_string(i);
    ASSERT_EQ(bed.CreateCandidature(id, {{"cv", true}, {"lettre_motivation", true}}), 201);
    std::string token = bed.Token("candidat", id);
    for (const char* piece : {"cv", "lettre_motivation"}) {
      std::string pdf = fixtures::BornDigitalPdf({{id, piece}, {"page 2"}});
      ASSERT_EQ(bed.api().Upload(id, piece, token, {{"f.pdf", pdf}}).status, 202);
    }
  }
  for (int i = 0; i < kCandidatures; ++i) bed.WaitProcessed("S-" + std::to_string(i));

  constexpr int kJobs = kCandidatures * 2;
  EXPECT_EQ(bed.db.Count("SELECT COUNT(*) FROM job WHERE state = 'done'"), kJobs);
  EXPECT_EQ(bed.db.Count("SELECT COUNT(*) FROM precheck"), kJobs);
  // One execution per job: nobody claimed a job another process held.
  EXPECT_EQ(bed.db.Count("SELECT COUNT(*) FROM job_run"), kJobs);
  EXPECT_EQ(bed.db.Count("SELECT COUNT(*) FROM (SELECT job_id FROM job_run GROUP BY job_id "
                         "HAVING COUNT(*) > 1) twice"),
            0);
  // Both worker machines took a share.
  EXPECT_EQ(bed.db.Count("SELECT COUNT(DISTINCT worker) FROM job_run"), 2);
  // The server alone never runs a worker process.
  EXPECT_TRUE(bed.service().Children().empty());
}

}  // namespace
}  // namespace dossier::test
