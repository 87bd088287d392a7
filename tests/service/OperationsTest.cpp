// What ops watch: /healthz, /readyz, /metrics, backpressure, and a clean stop.
#include <gtest/gtest.h>

#include <sstream>

#include "tests/fixtures/BornDigitalPdf.h"
#include "tests/service/ServiceTestbed.h"

namespace dossier::test {
namespace {

std::string Pdf() {
  return fixtures::BornDigitalPdf({{"Curriculum vitae"}});
}

TEST(Operations, ReadyzReportsMissingWorkersAndASaturatedQueueWhileUploadsSucceed) {
  // No worker process: jobs pile up, durable, and /readyz says why it is not ready.
  ServiceTestbed bed{{"--workers", "0", "--queue-bound", "2"}};
  EXPECT_EQ(bed.api().Request("GET", "/healthz").status, 200);
  ApiResponse ready = bed.api().Request("GET", "/readyz");
  EXPECT_EQ(ready.status, 503);
  EXPECT_FALSE(ready.headers["retry-after"].empty());
  ASSERT_EQ(bed.CreateCandidature("O-1", {{"cv", true}}), 201);
  std::string token = bed.Token("candidat", "O-1");
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(bed.api().Upload("O-1", "cv", token, {{"cv.pdf", Pdf()}}).status, 202);
  ready = bed.api().Request("GET", "/readyz");
  EXPECT_EQ(ready.status, 503);
  EXPECT_NE(ready.body.find("queue"), std::string::npos) << ready.body;

  // A worker comes up elsewhere: the queue drains and the service is ready.
  std::unique_ptr<ServiceProcess> worker = bed.Sibling({"--role", "worker", "--workers", "1"});
  bed.WaitProcessed("O-1");
  // The two versions replaced before a worker came are not processed.
  EXPECT_EQ(bed.db.Count("SELECT COUNT(*) FROM job WHERE state = 'done'"), 1);
  EXPECT_EQ(bed.db.Count("SELECT COUNT(*) FROM job WHERE state = 'superseded'"), 2);
  EXPECT_EQ(bed.api().Request("GET", "/readyz").status, 200);
}

TEST(Operations, MetricsAreValidPrometheusText) {
  ServiceTestbed bed{{"--workers", "1"}};
  ASSERT_EQ(bed.CreateCandidature("M-1", {{"cv", true}}), 201);
  std::string pdf = Pdf();
  ASSERT_EQ(bed.api().Upload("M-1", "cv", bed.Token("candidat", "M-1"), {{"cv.pdf", pdf}}).status,
            202);
  bed.WaitProcessed("M-1");
  ApiResponse metrics = bed.api().Request("GET", "/metrics");
  ASSERT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.headers["content-type"].find("text/plain"), std::string::npos);
  std::istringstream lines(metrics.body);
  std::string line;
  int samples = 0;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::size_t space = line.rfind(' ');
    ASSERT_NE(space, std::string::npos) << line;
    EXPECT_NO_THROW(std::stod(line.substr(space + 1))) << line;
    ++samples;
  }
  EXPECT_GT(samples, 10);
  EXPECT_NE(metrics.body.find("dossier_uploads_total 1"), std::string::npos) << metrics.body;
  EXPECT_NE(metrics.body.find("dossier_upload_bytes_total " + std::to_string(pdf.size())),
            std::string::npos);
  EXPECT_NE(metrics.body.find("dossier_job_latency_seconds_count 1"), std::string::npos);
  EXPECT_NE(metrics.body.find("dossier_verdicts_total{outcome=\"accepted\"} 1"), std::string::npos);
}

TEST(Operations, ANearlyFullDiskAnswers503WithRetryAfterAndKeepsNothing) {
  // Ask for more free space than any disk has.
  ServiceTestbed bed{{"--workers", "0", "--min-free-mb", "100000000"}};
  ASSERT_EQ(bed.CreateCandidature("F-1", {{"cv", true}}), 201);
  ApiResponse full =
      bed.api().Upload("F-1", "cv", bed.Token("candidat", "F-1"), {{"cv.pdf", Pdf()}});
  EXPECT_EQ(full.status, 503) << full.body;
  EXPECT_FALSE(full.headers["retry-after"].empty());
  EXPECT_EQ(bed.db.Count("SELECT COUNT(*) FROM piece_version"), 0);
  EXPECT_EQ(testing::RunCommand("find " + bed.data.path() + "/files " + bed.data.path() +
                                "/tmp -type f | wc -l")
                .out,
            "0\n");
}

TEST(Operations, SigtermStopsCleanlyAndLeavesNoJobClaimed) {
  ServiceTestbed bed{{"--workers", "2"}};
  ASSERT_EQ(bed.CreateCandidature("T-1", {{"cv", true}, {"lettre_motivation", true}}), 201);
  std::string token = bed.Token("candidat", "T-1");
  ASSERT_EQ(bed.api().Upload("T-1", "cv", token, {{"cv.pdf", Pdf()}}).status, 202);
  ASSERT_EQ(bed.api().Upload("T-1", "lettre_motivation", token, {{"l.pdf", Pdf()}}).status, 202);
  EXPECT_EQ(bed.service().Terminate(), 0);
  // Whatever was in flight was finished or handed back, never left claimed.
  EXPECT_EQ(bed.db.Count("SELECT COUNT(*) FROM job WHERE state = 'running'"), 0);
  EXPECT_EQ(bed.db.Count("SELECT COUNT(*) FROM worker"), 0);
  bed.Restart();
  bed.WaitProcessed("T-1");
  EXPECT_EQ(bed.db.Count("SELECT COUNT(*) FROM job WHERE state = 'done'"), 2);
}

}  // namespace
}  // namespace dossier::test
