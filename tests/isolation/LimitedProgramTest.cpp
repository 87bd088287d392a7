// RunLimitedProgram, the runner DossierPdf starts `dossier assemble` with:
// limits and a clean slate applied between fork and exec.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <chrono>

#include "isolation/ChildEnd.h"
#include "isolation/LimitedProgram.h"

namespace dossier {
namespace {

TEST(LimitedProgram, AppliesTheLimitsBeforeExec) {
  ChildLimits limits;
  limits.address_space_bytes = 1ull << 30;
  limits.cpu_seconds = 17;
  int inheritable = open("/dev/null", O_RDONLY);  // as a server's sockets often are
  ASSERT_GE(inheritable, 3);
  ChildResult result =
      RunLimitedProgram({"/bin/sh", "-c", "ulimit -v; ulimit -t; ls /proc/self/fd"}, limits);
  close(inheritable);
  ASSERT_EQ(result.end, ChildResult::End::Exited) << result.output;
  EXPECT_EQ(result.exit_code, 0);
  // 1 GiB in KiB, the CPU seconds, then only stdin, stdout, stderr (and the
  // descriptor ls opens to list them): no socket of ours leaks into it.
  EXPECT_EQ(result.output, "1048576\n17\n0\n1\n2\n3\n");
}

TEST(LimitedProgram, KillsAProgramPastItsDeadline) {
  ChildLimits limits;
  limits.wall_time = std::chrono::milliseconds(300);
  ChildResult result = RunLimitedProgram({"/bin/sh", "-c", "echo started; sleep 600"}, limits);
  EXPECT_EQ(result.end, ChildResult::End::TimedOut);
  EXPECT_EQ(result.output, "started\n");
  EXPECT_EQ(DescribeChildEnd(result, limits).rfind("timed out after", 0), 0u);
}

TEST(LimitedProgram, ReportsAProgramThatCannotRun) {
  ChildResult result = RunLimitedProgram({"/nonexistent/dossier"}, ChildLimits{});
  ASSERT_EQ(result.end, ChildResult::End::Exited);
  EXPECT_EQ(result.exit_code, 127);
  EXPECT_EQ(DescribeChildEnd(result, ChildLimits{}), "exit 127");
}

// The program cannot regain privileges, and sees no database URL or secret.
TEST(LimitedProgram, RunsWithoutNewPrivilegesOrSecrets) {
  setenv("DOSSIER_DB", "mysql://dossier:hunter2@localhost/dossier", 1);
  setenv("LANG", "C.UTF-8", 1);
  ChildResult result = RunLimitedProgram(
      {"/bin/sh", "-c", "grep NoNewPrivs /proc/self/status; env | sort"}, ChildLimits{});
  unsetenv("DOSSIER_DB");
  ASSERT_EQ(result.end, ChildResult::End::Exited) << result.output;
  EXPECT_NE(result.output.find("NoNewPrivs:\t1"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("LANG=C.UTF-8"), std::string::npos) << result.output;
  EXPECT_EQ(result.output.find("hunter2"), std::string::npos) << result.output;
}

}  // namespace
}  // namespace dossier
