// The pure parts of deadline-sim (bench/deadline-sim): percentiles, the
// deadline curve, the busy stretch of the queue, the /metrics reading.
#include <gtest/gtest.h>

#include "bench/deadline-sim/DeadlineCurve.h"
#include "bench/deadline-sim/LatencyStats.h"
#include "bench/deadline-sim/QueueSampler.h"
#include "bench/deadline-sim/SimSummary.h"

namespace dossier::sim {
namespace {

TEST(DeadlineSimLatencyStats, PercentilesAreNearestRank) {
  LatencyStats stats;
  for (int i = 100; i >= 1; --i) stats.Add(i);
  EXPECT_EQ(stats.Percentile(50), 50);
  EXPECT_EQ(stats.Percentile(95), 95);
  EXPECT_EQ(stats.Percentile(99), 99);
  EXPECT_EQ(stats.Percentile(100), 100);
  EXPECT_EQ(stats.Percentile(0), 1);
  EXPECT_EQ(stats.Max(), 100);
  EXPECT_DOUBLE_EQ(stats.Mean(), 50.5);
}

TEST(DeadlineSimLatencyStats, SmallAndEmptySets) {
  EXPECT_EQ(LatencyStats().Percentile(99), 0);
  EXPECT_EQ(LatencyStats({7}).Percentile(50), 7);
  // Three values: p50 is the 2nd, p99 the 3rd (never an interpolation).
  EXPECT_EQ(LatencyStats({30, 10, 20}).Percentile(50), 20);
  EXPECT_EQ(LatencyStats({30, 10, 20}).Percentile(99), 30);
}

TEST(DeadlineSimCurve, SteadyThenSurge) {
  DeadlineCurve curve(10, 2.0, 5.0, 0.4);  // 4 at 2/s, then 6 at 10/s
  std::vector<double> arrivals = curve.ArrivalOffsets();
  ASSERT_EQ(arrivals.size(), 10u);
  EXPECT_EQ(curve.SurgeStartIndex(), 4);
  EXPECT_DOUBLE_EQ(curve.SurgeStartSeconds(), 2.0);
  EXPECT_DOUBLE_EQ(arrivals[0], 0.0);
  EXPECT_DOUBLE_EQ(arrivals[3], 1.5);
  EXPECT_DOUBLE_EQ(arrivals[4], 2.0);
  EXPECT_DOUBLE_EQ(arrivals[9], 2.5);
  for (std::size_t i = 1; i < arrivals.size(); ++i) EXPECT_GE(arrivals[i], arrivals[i - 1]);
}

TEST(DeadlineSimCurve, AllSurgeOrNoSurge) {
  EXPECT_DOUBLE_EQ(DeadlineCurve(5, 1.0, 10.0, 0.0).ArrivalOffsets()[4], 0.4);
  DeadlineCurve steady(5, 1.0, 10.0, 1.0);
  EXPECT_EQ(steady.SurgeStartIndex(), 5);
  EXPECT_DOUBLE_EQ(steady.ArrivalOffsets()[4], 4.0);
}

TEST(DeadlineSimSummary, LongestBusyStretchOfTheQueue) {
  std::vector<std::array<double, 2>> depth = {{0, 0}, {1, 3}, {2, 0}, {3, 5},
                                              {4, 9}, {5, 2}, {6, 0}, {7, 1}};
  std::array<double, 2> stretch = LongestBusyStretch(depth);
  EXPECT_DOUBLE_EQ(stretch[0], 3);
  EXPECT_DOUBLE_EQ(stretch[1], 6);
  EXPECT_DOUBLE_EQ(LongestBusyStretch({{0, 0}, {1, 0}})[1], 0);
}

TEST(DeadlineSimSummary, CumulativeSkipsWhatNeverHappened) {
  auto curve = Cumulative({2.0, -1, 1.0});
  ASSERT_FALSE(curve.empty());
  EXPECT_DOUBLE_EQ(curve.back()[0], 2.0);
  EXPECT_DOUBLE_EQ(curve.back()[1], 2.0);
}

TEST(DeadlineSimQueue, DepthIsQueuedPlusRunning) {
  std::string metrics =
      "# TYPE dossier_queue_depth gauge\n"
      "dossier_queue_depth{state=\"queued\"} 12\n"
      "dossier_queue_depth{state=\"running\"} 2\n"
      "dossier_jobs_total{state=\"done\"} 40\n";
  EXPECT_EQ(QueueDepthFromMetrics(metrics), 14);
  EXPECT_EQ(QueueDepthFromMetrics("dossier_jobs_total{state=\"done\"} 4\n"), -1);
}

}  // namespace
}  // namespace dossier::sim

namespace dossier::sim {
namespace {

TEST(DeadlineSimSummary, AckRunsFromTheLastBodyByteAndTheUploadFromTheFirst) {
  ServiceRunResult run;
  DossierTrack dossier;
  dossier.id = "D-1";
  // Two uploads: sent at 1 s and 2 s, answered 0.5 s later, of which the
  // service took 20 and 40 ms after the last body byte.
  dossier.pieces["cv"] = {1.0, 1.5, 20, 202, -1, ""};
  dossier.pieces["releve_bac"] = {2.0, 2.5, 40, 202, -1, ""};
  dossier.pieces["identite"] = {3.0, -1, -1, 500, -1, ""};  // refused: no ack
  run.dossiers.push_back(dossier);
  SimSummary summary = Summarize(run, PeerResult{}, {}, {});
  EXPECT_EQ(summary.acks, 2);
  EXPECT_DOUBLE_EQ(summary.ack_max_ms, 40);
  EXPECT_DOUBLE_EQ(summary.ack_p50_ms_by_piece.at("cv"), 20);
  EXPECT_DOUBLE_EQ(summary.upload_p99_ms, 500);
  EXPECT_DOUBLE_EQ(summary.upload_p50_ms_by_piece.at("releve_bac"), 500);
  EXPECT_EQ(summary.ack_p50_ms_by_piece.count("identite"), 0u);
}

}  // namespace
}  // namespace dossier::sim
