// dossierd behind a reverse proxy, over real sockets: every answer carries
// X-Request-Id (the gate's own refusals too), the log line names the client
// the trusted proxy saw and never the one a client claims, and the serving
// cap per address counts the forwarded client.
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <sstream>
#include <thread>

#include "tests/service/RawConnection.h"
#include "tests/service/ServiceTestbed.h"
#include "tests/support/Oracles.h"

namespace dossier::test {
namespace {

// The log line of the request whose answer carried `request_id`.
Poco::JSON::Object::Ptr LogLineOf(ServiceTestbed& bed, const std::string& request_id) {
  std::istringstream lines(bed.service().Log());
  for (std::string line; std::getline(lines, line);) {
    if (line.find("\"event\":\"http\"") == std::string::npos) continue;
    auto json = Poco::JSON::Parser().parse(line).extract<Poco::JSON::Object::Ptr>();
    if (json->optValue<std::string>("request_id", "") == request_id) return json;
  }
  ADD_FAILURE() << "no log line with request_id " << request_id;
  return new Poco::JSON::Object;
}

// The value of header `name` in a raw answer ("" when absent).
std::string RawHeader(const std::string& answer, const std::string& name) {
  std::size_t at = answer.find("\r\n" + name + ": ");
  if (at == std::string::npos) return "";
  at += name.size() + 4;
  return answer.substr(at, answer.find("\r\n", at) - at);
}

TEST(LogLinesBehindProxy, WithoutTrustedProxiesTheClaimsOfAClientAreIgnored) {
  ServiceTestbed bed{{"--workers", "0"}};
  ApiResponse ok =
      bed.api().Request("GET", "/healthz", "", "", "application/json",
                        {{"X-Forwarded-For", "203.0.113.9"}, {"X-Request-Id", "forged-id"}});
  ASSERT_EQ(ok.status, 200);
  std::string id = ok.headers["x-request-id"];
  EXPECT_EQ(id.size(), 16u) << id;
  EXPECT_NE(id, "forged-id");
  auto line = LogLineOf(bed, id);
  EXPECT_EQ(line->optValue<std::string>("ip", ""), "127.0.0.1");
  EXPECT_FALSE(line->has("error_code"));

  ApiResponse missing = bed.api().Request("GET", "/api/v1/nowhere", bed.Admin());
  ASSERT_EQ(missing.status, 404);
  ASSERT_FALSE(missing.headers["x-request-id"].empty());
  auto refused = LogLineOf(bed, missing.headers["x-request-id"]);
  EXPECT_EQ(refused->optValue<std::string>("error_code", ""), "not_found");
  EXPECT_EQ(refused->getValue<int>("status"), 404);

  // The gate's own refusal (a body from an anonymous client) has one too.
  RawConnection raw(bed.service().port());
  raw.Send(
      "POST /api/v1/candidatures/X/pieces/cv/files HTTP/1.1\r\nHost: x\r\n"
      "Content-Length: 10\r\n\r\n0123456789");
  std::string answer = raw.ReadAll(2.0);
  EXPECT_EQ(ResponseStatuses(answer), std::vector<int>{401}) << answer;
  EXPECT_EQ(RawHeader(answer, "X-Request-Id").size(), 16u) << answer;
}

TEST(LogLinesBehindProxy, ATrustedProxyNamesTheClientAndKeepsItsRequestId) {
  ServiceTestbed bed{{"--workers", "0", "--trusted-proxies", "127.0.0.1,::1"}};
  ApiResponse ok = bed.api().Request(
      "GET", "/healthz", "", "", "application/json",
      {{"X-Forwarded-For", "198.51.100.1, 203.0.113.9"}, {"X-Request-Id", "nginx-7f3a.1"}});
  ASSERT_EQ(ok.status, 200);
  EXPECT_EQ(ok.headers["x-request-id"], "nginx-7f3a.1");
  EXPECT_EQ(LogLineOf(bed, "nginx-7f3a.1")->optValue<std::string>("ip", ""), "203.0.113.9");

  // An id that could break a header or a log reader is replaced.
  ApiResponse odd =
      bed.api().Request("GET", "/healthz", "", "", "application/json", {{"X-Request-Id", "a b/c"}});
  EXPECT_NE(odd.headers["x-request-id"], "a b/c");
  EXPECT_EQ(odd.headers["x-request-id"].size(), 16u);
}

std::string TrickleHead(const std::string& token, const std::string& client) {
  return "POST /api/v1/candidatures/BUSY-1/pieces/cv/files HTTP/1.1\r\nHost: 127.0.0.1\r\n"
         "Authorization: Bearer " +
         token + "\r\nX-Forwarded-For: " + client +
         "\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 5000000\r\n\r\n"
         "--b\r\n";
}

TEST(HostileClientBehindProxy, TheServingCapCountsTheForwardedClientNotTheProxy) {
  ServiceTestbed bed{
      {"--workers", "0", "--max-serving-per-address", "2", "--trusted-proxies", "127.0.0.1"}};
  ASSERT_EQ(bed.CreateCandidature("BUSY-1", {{"cv", true}}), 201);
  std::string token = bed.Token("candidat", "BUSY-1");
  std::vector<std::unique_ptr<RawConnection>> trickles;
  for (int i = 0; i < 2; ++i) {
    trickles.push_back(std::make_unique<RawConnection>(bed.service().port()));
    trickles.back()->Send(TrickleHead(token, "203.0.113.9"));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  auto get_as = [&](const std::string& client) {
    return bed.api().Request("GET", "/api/v1/candidatures/BUSY-1", token, "", "application/json",
                             {{"X-Forwarded-For", client}});
  };
  ApiResponse same = get_as("203.0.113.9");
  EXPECT_EQ(same.status, 503) << same.body;
  EXPECT_NE(same.body.find("too_many_connections"), std::string::npos) << same.body;
  EXPECT_FALSE(same.headers["x-request-id"].empty());
  // Another client behind the same proxy is not held back.
  EXPECT_EQ(get_as("203.0.113.10").status, 200);
  trickles.clear();
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  EXPECT_EQ(get_as("203.0.113.9").status, 200);
}

TEST(LogLinesBehindProxy, AMalformedProxyListStopsTheStartNamingTheEntry) {
  std::string command =
      testing::BuiltBinary("dossierd") + " --trusted-proxies 127.0.0.1,10.0.0.0/33 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string output;
  char buffer[512];
  while (std::size_t got = fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, got);
  int status = pclose(pipe);
  EXPECT_NE(status, 0);
  EXPECT_NE(output.find("'10.0.0.0/33'"), std::string::npos) << output;
}

}  // namespace
}  // namespace dossier::test
