#include <gtest/gtest.h>

#include <sstream>

#include "server/http/CountedInput.h"
#include "server/http/ResourceId.h"

namespace dossier {
namespace {

TEST(CountedInput, CountsWhatWasPulledAndKnowsWhenTheBodyEnded) {
  std::string body(200'000, 'x');
  std::istringstream source(body);
  CountedInput input(source);
  char head[10];
  input.read(head, sizeof head);
  EXPECT_EQ(input.gcount(), 10);
  EXPECT_FALSE(input.reached_end());
  EXPECT_GE(input.count(), 10u);
  EXPECT_TRUE(input.Drain(1'000'000));
  EXPECT_EQ(input.count(), body.size());
  EXPECT_TRUE(input.reached_end());
}

TEST(CountedInput, DrainStopsAtItsLimit) {
  std::istringstream source(std::string(500'000, 'y'));
  CountedInput input(source);
  EXPECT_FALSE(input.Drain(100'000));
  EXPECT_LT(input.count(), 500'000u);
}

TEST(ResourceId, AcceptsOnlyShortPlainIdentifiers) {
  EXPECT_TRUE(IsResourceId("C-2024_0001"));
  EXPECT_TRUE(IsResourceId(std::string(64, 'a')));
  EXPECT_FALSE(IsResourceId(""));
  EXPECT_FALSE(IsResourceId(std::string(65, 'a')));
  for (const char* bad : {"a/b", "a b", "..", "é", "a\"b", "a%2F"})
    EXPECT_FALSE(IsResourceId(bad)) << bad;
}

}  // namespace
}  // namespace dossier
