#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <sstream>

#include "server/notify/LogSender.h"
#include "server/notify/NotificationSender.h"
#include "server/notify/SmtpSender.h"

namespace dossier {
namespace {

TEST(LogSender, WritesOneJsonLineWithoutTheBody) {
  std::ostringstream out;
  LogSender sender(out);
  OutboxMessage message{
      7, "cand-1", "piece_refused", "c@example.fr", "Pièce refusée : relevé", "Corps confidentiel"};
  sender.Send(message);
  sender.Send(message);
  std::istringstream lines(out.str());
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    ++count;
    auto json = Poco::JSON::Parser().parse(line).extract<Poco::JSON::Object::Ptr>();
    EXPECT_EQ(json->getValue<std::string>("event"), "notification");
    EXPECT_EQ(json->getValue<long>("id"), 7);
    EXPECT_EQ(json->getValue<std::string>("candidature"), "cand-1");
    EXPECT_EQ(json->getValue<std::string>("kind"), "piece_refused");
    EXPECT_EQ(json->getValue<std::string>("recipient"), "c***@example.fr");
    EXPECT_EQ(json->getValue<std::string>("subject"), "Pièce refusée : relevé");
    EXPECT_TRUE(json->has("ts"));
  }
  EXPECT_EQ(count, 2);
  EXPECT_EQ(out.str().find("confidentiel"), std::string::npos);
}

TEST(MakeSender, ChoosesTheLogWithoutUrlAndSmtpWithOne) {
  EXPECT_NE(dynamic_cast<LogSender*>(MakeSender("").get()), nullptr);
  EXPECT_NE(dynamic_cast<SmtpSender*>(MakeSender("smtp://relay.example:2525").get()), nullptr);
  EXPECT_NE(
      dynamic_cast<SmtpSender*>(MakeSender("smtp://relay.example?from=scol@univ.example.fr").get()),
      nullptr);
}

TEST(MakeSender, RejectsWhatIsNoSmtpUrl) {
  EXPECT_THROW(MakeSender("http://relay.example"), SenderUrlError);
  EXPECT_THROW(MakeSender("smtp://"), SenderUrlError);
  EXPECT_THROW(MakeSender("smtp://relay.example?from=nobody"), SenderUrlError);
  EXPECT_THROW(MakeSender("smtp://relay.example?to=x@y"), SenderUrlError);
}

}  // namespace
}  // namespace dossier
