#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <set>

#include "server/http/MaskedEmails.h"
#include "server/http/RequestId.h"
#include "server/http/RequestLog.h"

namespace dossier {
namespace {

TEST(RequestIds, NewOnesAreDistinctAndAcceptable) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    std::string id = NewRequestId();
    EXPECT_TRUE(AcceptableRequestId(id)) << id;
    EXPECT_EQ(id.size(), 16u);
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 1000u);
}

TEST(RequestIds, AnIncomingIdIsKeptOnlyFromATrustedProxyAndWhenClean) {
  EXPECT_EQ(RequestIdFor("nginx-3f2a.b_9", true), "nginx-3f2a.b_9");
  EXPECT_NE(RequestIdFor("nginx-3f2a.b_9", false), "nginx-3f2a.b_9");
  EXPECT_EQ(RequestIdFor(std::string(64, 'a'), true), std::string(64, 'a'));
  for (const std::string& bad :
       {std::string(65, 'a'), std::string(""), std::string("a b"), std::string("a\"b"),
        std::string("\xc3\xa9"), std::string("a/b")}) {
    EXPECT_FALSE(AcceptableRequestId(bad)) << bad;
    std::string id = RequestIdFor(bad, true);
    EXPECT_NE(id, bad);
    EXPECT_TRUE(AcceptableRequestId(id));
  }
}

TEST(EmailMasking, MasksEveryAddressAndKeepsTheRest) {
  EXPECT_EQ(MaskedEmails("550 5.1.1 <c.dupont+pj@univ-lille.fr>: unknown user, cc x@y.fr"),
            "550 5.1.1 <c***@univ-lille.fr>: unknown user, cc x***@y.fr");
  EXPECT_EQ(MaskedEmails("no address @ here, nor a@ or @b"), "no address @ here, nor a@ or @b");
  EXPECT_EQ(MaskedEmails(""), "");
  EXPECT_EQ(MaskedEmails("a@b"), "a***@b");
}

Poco::JSON::Object::Ptr Parsed(const std::string& line) {
  return Poco::JSON::Parser().parse(line).extract<Poco::JSON::Object::Ptr>();
}

TEST(RequestLogFields, CarryIdAddressCodeAndNeverAnEmail) {
  RequestLogEntry entry;
  entry.method = "POST";
  entry.path = "/x";
  entry.status = 500;
  entry.request_id = "r-1";
  entry.ip = "2001:db8::5";
  entry.error_code = "internal_error";
  entry.error = "smtp: 550 <jeanne.martin@example.fr> refused";
  auto line = Parsed(RequestLogLine(entry, 0));
  EXPECT_EQ(line->getValue<std::string>("request_id"), "r-1");
  EXPECT_EQ(line->getValue<std::string>("ip"), "2001:db8::5");
  EXPECT_EQ(line->getValue<std::string>("error_code"), "internal_error");
  EXPECT_EQ(line->getValue<std::string>("error"), "smtp: 550 <j***@example.fr> refused");
  entry.status = 200;
  entry.error_code.clear();
  entry.error.clear();
  auto ok = Parsed(RequestLogLine(entry, 0));
  EXPECT_FALSE(ok->has("error_code"));
  EXPECT_FALSE(ok->has("error"));
}

TEST(RequestLogFields, EventsMaskEmailsToo) {
  std::ostringstream out;
  RequestLog log(out);
  log.WriteEvent("x", {{"detail", "to a.b@c.fr"}});
  EXPECT_EQ(out.str().find("a.b@"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("a***@c.fr"), std::string::npos) << out.str();
}

}  // namespace
}  // namespace dossier
