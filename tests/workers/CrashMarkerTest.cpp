// The fault injection the service tests use to crash a job child on demand.
#include <gtest/gtest.h>

#include <cstdlib>

#include "workers/run/JobChild.h"

namespace dossier {
namespace {

class CrashMarkerTest : public ::testing::Test {
 protected:
  void TearDown() override { unsetenv("DOSSIER_FAULT_CRASH_MARKER"); }
};

TEST_F(CrashMarkerTest, MatchesAnyFileContainingTheMarker) {
  setenv("DOSSIER_FAULT_CRASH_MARKER", "BOOM-42", 1);
  EXPECT_TRUE(CarriesCrashMarker({{"a.pdf", "%PDF-1.7 ok"}, {"b.pdf", "%PDF-1.7 BOOM-42 %%EOF"}}));
  EXPECT_FALSE(CarriesCrashMarker({{"a.pdf", "%PDF-1.7 BOOM-4"}}));
}

TEST_F(CrashMarkerTest, IsInertWhenUnsetOrEmpty) {
  EXPECT_FALSE(CarriesCrashMarker({{"a.pdf", "BOOM-42"}}));
  setenv("DOSSIER_FAULT_CRASH_MARKER", "", 1);
  EXPECT_FALSE(CarriesCrashMarker({{"a.pdf", "BOOM-42"}}));
}

}  // namespace
}  // namespace dossier
