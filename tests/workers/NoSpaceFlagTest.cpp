// The fault injection that makes a job child's result writes fail as on a
// full disk, for as long as a flag file exists.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>

#include "store/blobs/StorageFault.h"
#include "tests/support/Oracles.h"
#include "workers/run/JobChild.h"

namespace dossier {
namespace {

class NoSpaceFlagTest : public ::testing::Test {
 protected:
  void TearDown() override { unsetenv("DOSSIER_FAULT_NO_SPACE"); }
};

TEST_F(NoSpaceFlagTest, HoldsWhileTheFlagFileExists) {
  testing::TempDir dir;
  std::string flag = dir.Write("full", "");
  setenv("DOSSIER_FAULT_NO_SPACE", flag.c_str(), 1);
  EXPECT_TRUE(NoSpaceInjected());
  std::remove(flag.c_str());
  EXPECT_FALSE(NoSpaceInjected());
}

TEST_F(NoSpaceFlagTest, IsInertWhenUnsetOrEmpty) {
  EXPECT_FALSE(NoSpaceInjected());
  setenv("DOSSIER_FAULT_NO_SPACE", "", 1);
  EXPECT_FALSE(NoSpaceInjected());
}

TEST(StorageFault, DiskFaultsAreOursOtherErrorsAreNot) {
  for (int error : {ENOSPC, EDQUOT, EIO, EROFS}) EXPECT_TRUE(IsStorageFault(error)) << error;
  for (int error : {0, EACCES, ENOENT, EINVAL, EMFILE, -1}) EXPECT_FALSE(IsStorageFault(error));
}

}  // namespace
}  // namespace dossier
