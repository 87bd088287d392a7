// RunLimitedChild: whatever the child does (exit, crash, hang, exhaust memory,
// talk too much), the caller gets a result and keeps running.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <string>

#include "isolation/ChildEnd.h"
#include "isolation/LimitedChild.h"

namespace dossier {
namespace {

using End = ChildResult::End;
using Clock = std::chrono::steady_clock;

// Writes all of `bytes` to `fd`; false when the pipe refuses.
bool WriteAll(int fd, const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

ChildLimits ShortLimits() {
  ChildLimits limits;
  limits.wall_time = std::chrono::milliseconds(500);
  limits.cpu_seconds = 10;
  return limits;
}

// Seconds between two instants, measured by the test itself rather than
// trusted from ChildResult::elapsed_ms.
double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

TEST(LimitedChildTest, PassesBackOutputAndExitCodeOfNormalExit) {
  ChildResult result = RunLimitedChild(
      [](int fd) { return WriteAll(fd, "{\"status\":\"accepted\"}") ? 7 : 99; }, ChildLimits{});
  ASSERT_EQ(result.end, End::Exited);
  EXPECT_EQ(result.exit_code, 7);
  EXPECT_EQ(result.signal, 0);
  EXPECT_EQ(result.output, "{\"status\":\"accepted\"}");
}

TEST(LimitedChildTest, PassesBackBinaryOutputUnchanged) {
  // The child sends a PDF or a report; NUL bytes and high bytes must survive.
  std::string bytes;
  for (int i = 0; i < 3 * 256; ++i) bytes.push_back(static_cast<char>(i % 256));
  ChildResult result =
      RunLimitedChild([&](int fd) { return WriteAll(fd, bytes) ? 0 : 99; }, ChildLimits{});
  ASSERT_EQ(result.end, End::Exited);
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.output, bytes);
}

TEST(LimitedChildTest, ReportsSegfaultAsSignalledWithSigsegv) {
  ChildResult result = RunLimitedChild(
      [](int fd) {
        WriteAll(fd, "before");
        raise(SIGSEGV);
        return 0;
      },
      ShortLimits());
  ASSERT_EQ(result.end, End::Signalled);
  EXPECT_EQ(result.signal, SIGSEGV);
  EXPECT_EQ(SignalName(result.signal), "SIGSEGV");
  // What the child wrote before dying is still handed back.
  EXPECT_EQ(result.output, "before");
}

TEST(LimitedChildTest, ReportsAbortAsSignalledWithSigabrt) {
  ChildResult result = RunLimitedChild(
      [](int) {
        std::abort();
        return 0;
      },
      ShortLimits());
  ASSERT_EQ(result.end, End::Signalled);
  EXPECT_EQ(result.signal, SIGABRT);
}

TEST(LimitedChildTest, ExceptionEscapingTheBodyIsANonZeroExit) {
  // A parser throwing must not look like success to the caller.
  ChildResult result = RunLimitedChild(
      [](int) -> int { throw std::runtime_error("parser gave up"); }, ShortLimits());
  ASSERT_EQ(result.end, End::Exited);
  EXPECT_NE(result.exit_code, 0);
}

TEST(LimitedChildTest, StopsEndlessLoopAtWallClockDeadline) {
  auto start = Clock::now();
  ChildResult result = RunLimitedChild(
      [](int) {
        volatile unsigned long spin = 0;
        for (;;) spin = spin + 1;
        return 0;
      },
      ShortLimits());
  double seconds = SecondsSince(start);
  EXPECT_EQ(result.end, End::TimedOut);
  // 500 ms deadline; the bound is generous on purpose (loaded CI machines).
  EXPECT_LT(seconds, 5.0);
  EXPECT_GT(result.elapsed_ms, 0);
}

TEST(LimitedChildTest, StopsSleepingChildThatKeepsItsOutputOpen) {
  // A child stuck in a blocking call, writing nothing: the deadline still holds.
  auto start = Clock::now();
  ChildResult result = RunLimitedChild(
      [](int) {
        for (;;) pause();
        return 0;
      },
      ShortLimits());
  EXPECT_EQ(result.end, End::TimedOut);
  EXPECT_LT(SecondsSince(start), 5.0);
}

TEST(LimitedChildTest, StopsChildThatClosedItsOutputButNeverExits) {
  // Output done (EOF seen), process still running: the deadline covers the
  // wait for its end too.
  auto start = Clock::now();
  ChildResult result = RunLimitedChild(
      [](int fd) {
        WriteAll(fd, "report");
        close(fd);
        for (;;) pause();
        return 0;
      },
      ShortLimits());
  EXPECT_EQ(result.end, End::TimedOut);
  EXPECT_LT(SecondsSince(start), 5.0);
}

TEST(LimitedChildTest, StopsChildThatFloodsItsOutputAtDeadline) {
  // A child that never stops writing must not keep the caller reading forever.
  auto start = Clock::now();
  ChildLimits limits = ShortLimits();
  limits.max_output_bytes = 1 << 20;
  ChildResult result = RunLimitedChild(
      [](int fd) {
        std::string chunk(64 * 1024, 'x');
        while (WriteAll(fd, chunk)) {
        }
        return 0;
      },
      limits);
  EXPECT_EQ(result.end, End::TimedOut);
  EXPECT_LT(SecondsSince(start), 5.0);
}

TEST(LimitedChildTest, CpuLimitStopsSpinningChildBeforeWallDeadline) {
  // RLIMIT_CPU: one second of CPU, while the wall deadline is far away.
  ChildLimits limits;
  limits.wall_time = std::chrono::seconds(20);
  limits.cpu_seconds = 1;
  ChildResult result = RunLimitedChild(
      [](int) {
        volatile unsigned long spin = 0;
        for (;;) spin = spin + 1;
        return 0;
      },
      limits);
  ASSERT_EQ(result.end, End::Signalled);
  // SIGXCPU at the soft limit, SIGKILL at the hard one.
  EXPECT_TRUE(result.signal == SIGXCPU || result.signal == SIGKILL) << SignalName(result.signal);
}

TEST(LimitedChildTest, AllocationBeyondAddressSpaceLimitEndsOnlyTheChild) {
  ChildLimits limits = ShortLimits();
  limits.wall_time = std::chrono::seconds(10);
  limits.address_space_bytes = 256ull << 20;
  ChildResult result = RunLimitedChild(
      [](int fd) {
        WriteAll(fd, "allocating");
        // 1 GiB, every page touched: only succeeds if the limit is not applied.
        // The volatile stores keep the compiler from eliding the allocation
        // (new/delete pairs whose memory is never observed may be removed).
        constexpr std::size_t kGiB = 1ull << 30;
        std::unique_ptr<char[]> block(new char[kGiB]);
        volatile char* touch = block.get();
        for (std::size_t i = 0; i < kGiB; i += 4096) touch[i] = 1;
        return touch[kGiB - 4096] == 1 ? 0 : 98;
      },
      limits);
  EXPECT_EQ(result.output, "allocating");
  // std::bad_alloc (a non-zero exit) or a signal; never a normal success.
  bool failed_in_child =
      (result.end == End::Exited && result.exit_code != 0) || result.end == End::Signalled;
  EXPECT_TRUE(failed_in_child) << "end " << static_cast<int>(result.end) << ", exit code "
                               << result.exit_code;

  // The caller itself is unaffected: it can still allocate and run children.
  std::string parent_block(64 << 20, 'p');
  EXPECT_EQ(parent_block.back(), 'p');
  ChildResult next =
      RunLimitedChild([](int fd) { return WriteAll(fd, "ok") ? 0 : 1; }, ShortLimits());
  EXPECT_EQ(next.end, End::Exited);
  EXPECT_EQ(next.output, "ok");
}

TEST(LimitedChildTest, CapsOutputAtMaxOutputBytes) {
  // Regression: Drain once checked the cap before appending a whole read()
  // chunk (up to 64 KiB), so with max_output_bytes = 100 and 1 MiB written
  // result.output held 65536 bytes.
  ChildLimits limits = ShortLimits();
  limits.wall_time = std::chrono::seconds(10);
  limits.max_output_bytes = 100;
  std::string sent(1 << 20, '\0');
  for (std::size_t i = 0; i < sent.size(); ++i) sent[i] = static_cast<char>('a' + i % 26);
  ChildResult result = RunLimitedChild([&](int fd) { return WriteAll(fd, sent) ? 0 : 97; }, limits);
  // The caller keeps draining past the cap, so the child is not blocked on a
  // full pipe: it finishes its write and exits normally.
  ASSERT_EQ(result.end, End::Exited);
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_LE(result.output.size(), limits.max_output_bytes);
  EXPECT_EQ(result.output, sent.substr(0, std::min(result.output.size(), sent.size())));
}

TEST(LimitedChildTest, KeepRunningSayingNoKillsTheChildAsCancelled) {
  // A worker whose lease is lost, or whose shutdown grace ran out, stops
  // the child long before its deadline.
  ChildLimits limits;
  limits.wall_time = std::chrono::seconds(60);
  limits.tick_interval = std::chrono::milliseconds(10);
  int asked = 0;
  ChildResult result = RunLimitedChild(
      [](int fd) {
        WriteAll(fd, "started");
        for (;;) pause();
        return 0;
      },
      limits, [&] { return ++asked < 3; });
  EXPECT_EQ(result.end, End::Cancelled);
  EXPECT_EQ(asked, 3);
  EXPECT_EQ(result.output, "started");
}

TEST(LimitedChildTest, KeepRunningIsAskedWhileTheChildWorksAndChangesNothingWhenYes) {
  ChildLimits limits;
  limits.wall_time = std::chrono::seconds(60);
  limits.tick_interval = std::chrono::milliseconds(1);
  int asked = 0;
  ChildResult result = RunLimitedChild(
      [](int fd) {
        usleep(200'000);  // long enough to be asked about, with 1 ms ticks
        return WriteAll(fd, "report") ? 3 : 99;
      },
      limits, [&] { return ++asked > 0; });
  ASSERT_EQ(result.end, End::Exited);
  EXPECT_EQ(result.exit_code, 3);
  EXPECT_EQ(result.output, "report");
  EXPECT_GT(asked, 0);
}

TEST(LimitedChildTest, DeadlineStillHoldsWhenKeepRunningSaysYes) {
  ChildLimits limits = ShortLimits();
  limits.tick_interval = std::chrono::milliseconds(10);
  ChildResult result = RunLimitedChild(
      [](int) {
        for (;;) pause();
        return 0;
      },
      limits, [] { return true; });
  EXPECT_EQ(result.end, End::TimedOut);
}

TEST(LimitedChildTest, SignalNameGivesConventionalNames) {
  EXPECT_EQ(SignalName(SIGSEGV), "SIGSEGV");
  EXPECT_EQ(SignalName(SIGKILL), "SIGKILL");
  EXPECT_EQ(SignalName(SIGABRT), "SIGABRT");
  EXPECT_EQ(SignalName(SIGXCPU), "SIGXCPU");
}

}  // namespace
}  // namespace dossier
