// A request log line stays one parsable line in strict UTF-8 whatever bytes
// the request carried (JsonText; its own tests are in tests/core).
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include "server/http/RequestLog.h"
#include "tests/support/Oracles.h"

namespace dossier {
namespace {

const std::string kFffd = "\xEF\xBF\xBD";

std::string Repeat(const std::string& text, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += text;
  return out;
}

TEST(RequestLog, AHostilePathStillMakesOneParsableLine) {
  RequestLogEntry entry;
  entry.method = "GET\x01";
  entry.path = std::string("/api/v1/\xff\xfe\0\n{\"x\":1}\xed\xa0\x80\xc0\xaf\x1b[2J", 28);
  entry.status = 404;
  entry.error = "driver: \xe9t\xe9 \x00";
  std::string line = RequestLogLine(entry, 1'700'000'000'123);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  EXPECT_TRUE(testing::IsStrictUtf8(line));
  Poco::JSON::Object::Ptr parsed =
      Poco::JSON::Parser().parse(line).extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(parsed->getValue<std::string>("path"), "/api/v1/" + Repeat(kFffd, 2) +
                                                       std::string("\0\n{\"x\":1}", 9) +
                                                       Repeat(kFffd, 5) + "\x1b[2J");
  EXPECT_EQ(parsed->getValue<int>("status"), 404);
}

TEST(RequestLog, KeepsItsKeysInOrder) {
  RequestLogEntry entry;
  entry.method = "POST";
  entry.path = "/api/v1/candidatures";
  entry.status = 201;
  entry.ms = 12;
  entry.bytes_in = 345;
  EXPECT_EQ(RequestLogLine(entry, 0),
            "{\"ts\":\"1970-01-01T00:00:00.000Z\",\"event\":\"http\",\"request_id\":\"\","
            "\"ip\":null,\"method\":\"POST\","
            "\"path\":\"/api/v1/candidatures\",\"status\":201,\"ms\":12.0,\"bytes_in\":345,"
            "\"role\":null}");
}

}  // namespace
}  // namespace dossier
