// The per-job log line: one JSON object, the fields a log pipeline keys on.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <regex>

#include "core/text/UtcTimestamp.h"
#include "workers/run/JobAttempt.h"

namespace dossier {
namespace {

Poco::JSON::Object::Ptr Parse(const std::string& line) {
  Poco::JSON::Parser parser;
  return parser.parse(line).extract<Poco::JSON::Object::Ptr>();
}

TEST(JobLogLine, DoneJobCarriesEveryField) {
  JobAttempt outcome;
  outcome.job = 42;
  outcome.candidature = "C-2025-0001";
  outcome.piece = "releve_bac";
  outcome.version = 2;
  outcome.attempt = 1;
  outcome.worker = "host:123:ab";
  outcome.outcome = "done";
  outcome.status = "refused";
  outcome.reason = "size";
  outcome.ine = "conforme";
  outcome.ms = 1234.6;
  std::string line = JobLogLine(outcome);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  Poco::JSON::Object::Ptr json = Parse(line);
  EXPECT_EQ(json->getValue<std::string>("event"), "job");
  EXPECT_EQ(json->getValue<int>("job"), 42);
  EXPECT_EQ(json->getValue<std::string>("candidature"), "C-2025-0001");
  EXPECT_EQ(json->getValue<std::string>("piece"), "releve_bac");
  EXPECT_EQ(json->getValue<int>("version"), 2);
  EXPECT_EQ(json->getValue<int>("attempt"), 1);
  EXPECT_EQ(json->getValue<std::string>("worker"), "host:123:ab");
  EXPECT_EQ(json->getValue<std::string>("outcome"), "done");
  EXPECT_EQ(json->getValue<std::string>("status"), "refused");
  EXPECT_EQ(json->getValue<std::string>("reason"), "size");
  EXPECT_EQ(json->getValue<std::string>("ine"), "conforme");
  EXPECT_EQ(json->getValue<int>("ms"), 1235);
  EXPECT_FALSE(json->has("error"));
  EXPECT_TRUE(std::regex_match(json->getValue<std::string>("ts"),
                               std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)")));
}

TEST(JobLogLine, CrashedJobHasNullResultsAndItsError) {
  JobAttempt outcome;
  outcome.job = 7;
  outcome.outcome = "crashed";
  outcome.error = "job child ended by SIGSEGV \"quoted\"";
  Poco::JSON::Object::Ptr json = Parse(JobLogLine(outcome));
  EXPECT_TRUE(json->isNull("status"));
  EXPECT_TRUE(json->isNull("reason"));
  EXPECT_TRUE(json->isNull("ine"));
  EXPECT_EQ(json->getValue<std::string>("error"), "job child ended by SIGSEGV \"quoted\"");
}

TEST(UtcTimestamp, IsIso8601InUtc) {
  EXPECT_TRUE(std::regex_match(
      UtcTimestamp(), std::regex(R"(20\d\d-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d:[0-6]\d\.\d{3}Z)")));
}

}  // namespace
}  // namespace dossier
