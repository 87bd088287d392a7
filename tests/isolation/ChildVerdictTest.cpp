// VerdictOf on real children: what each way of ending means for the worker
// and `dossier process`.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include "isolation/ChildExit.h"
#include "isolation/ChildVerdict.h"
#include "isolation/LimitedChild.h"

namespace dossier {
namespace {

ChildVerdict VerdictOfChildThat(const std::function<int(int)>& body) {
  ChildLimits limits;
  limits.wall_time = std::chrono::milliseconds(500);
  return VerdictOf(RunLimitedChild(body, limits));
}

TEST(ChildVerdict, AcceptedAndRefusedCarryAReport) {
  EXPECT_EQ(VerdictOfChildThat([](int) { return kChildAccepted; }), ChildVerdict::Reported);
  EXPECT_EQ(VerdictOfChildThat([](int) { return kChildRefused; }), ChildVerdict::Reported);
}

TEST(ChildVerdict, OurFaultsAreToldApartFromTheDocuments) {
  EXPECT_EQ(VerdictOfChildThat([](int) { return kChildStorageFault; }), ChildVerdict::StorageFault);
  EXPECT_EQ(VerdictOfChildThat([](int) { return kChildNotConfined; }), ChildVerdict::NotConfined);
}

TEST(ChildVerdict, SignalsHangsAndOtherExitsAreFailures) {
  EXPECT_EQ(VerdictOfChildThat([](int) { return raise(SIGSEGV); }), ChildVerdict::Crashed);
  EXPECT_EQ(VerdictOfChildThat([](int) -> int { throw std::runtime_error("parser"); }),
            ChildVerdict::NoReport);
  EXPECT_EQ(VerdictOfChildThat([](int) { return pause(); }), ChildVerdict::TimedOut);
  ChildLimits limits;
  limits.tick_interval = std::chrono::milliseconds(10);
  ChildResult cancelled =
      RunLimitedChild([](int) { return pause(); }, limits, [] { return false; });
  EXPECT_EQ(VerdictOf(cancelled), ChildVerdict::Cancelled);
}

}  // namespace
}  // namespace dossier
