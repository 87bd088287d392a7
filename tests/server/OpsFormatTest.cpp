#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "server/http/RequestLog.h"
#include "server/ops/PrometheusText.h"

namespace dossier {
namespace {

TEST(PrometheusText, FamiliesAndSamplesFollowTheTextFormat) {
  PrometheusText text;
  text.Family("dossier_jobs_total", "counter", "Jobs finished.");
  text.Sample("dossier_jobs_total", std::int64_t{7}, {{"state", "done"}});
  text.Sample("dossier_jobs_total", std::int64_t{0}, {{"state", "poison"}, {"x", "a\"b\\c\nd"}});
  text.Family("dossier_job_latency_seconds", "histogram", "Latency.");
  text.Sample("dossier_job_latency_seconds_sum", 12.5);
  EXPECT_EQ(text.str(),
            "# HELP dossier_jobs_total Jobs finished.\n"
            "# TYPE dossier_jobs_total counter\n"
            "dossier_jobs_total{state=\"done\"} 7\n"
            "dossier_jobs_total{state=\"poison\",x=\"a\\\"b\\\\c\\nd\"} 0\n"
            "# HELP dossier_job_latency_seconds Latency.\n"
            "# TYPE dossier_job_latency_seconds histogram\n"
            "dossier_job_latency_seconds_sum 12.5\n");
}

TEST(RequestLog, OneJsonLinePerRequestWithTheAgreedFieldsAndNoQueryString) {
  RequestLogEntry entry;
  entry.method = "POST";
  entry.path = "/api/v1/candidatures/C1/pieces/cv/files";
  entry.status = 202;
  entry.ms = 12.34;
  entry.bytes_in = 1234;
  entry.role = "candidat";
  std::string line = RequestLogLine(entry, 1'700'000'000'123);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  Poco::JSON::Object::Ptr parsed =
      Poco::JSON::Parser().parse(line).extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(parsed->getValue<std::string>("ts"), "2023-11-14T22:13:20.123Z");
  EXPECT_EQ(parsed->getValue<std::string>("event"), "http");
  EXPECT_EQ(parsed->getValue<std::string>("method"), "POST");
  EXPECT_EQ(parsed->getValue<std::string>("path"), entry.path);
  EXPECT_EQ(parsed->getValue<int>("status"), 202);
  EXPECT_NEAR(parsed->getValue<double>("ms"), 12.3, 0.01);
  EXPECT_EQ(parsed->getValue<int>("bytes_in"), 1234);
  EXPECT_EQ(parsed->getValue<std::string>("role"), "candidat");
  EXPECT_FALSE(parsed->has("error"));

  entry.role.clear();
  entry.error = "database: gone away";
  Poco::JSON::Object::Ptr anonymous =
      Poco::JSON::Parser().parse(RequestLogLine(entry, 0)).extract<Poco::JSON::Object::Ptr>();
  EXPECT_TRUE(anonymous->isNull("role"));
  EXPECT_EQ(anonymous->getValue<std::string>("error"), "database: gone away");
}

TEST(RequestLog, WritesWholeLines) {
  std::ostringstream out;
  RequestLog log(out);
  RequestLogEntry entry;
  entry.method = "GET";
  entry.path = "/healthz";
  entry.status = 200;
  log.Write(entry);
  log.Write(entry);
  std::string text = out.str();
  ASSERT_EQ(std::count(text.begin(), text.end(), '\n'), 2);
  EXPECT_TRUE(std::regex_search(text, std::regex("^\\{\"ts\":\"\\d{4}-\\d\\d-\\d\\dT")));
}

}  // namespace
}  // namespace dossier
