// SmtpSender against a small SMTP server on a real socket, speaking just
// enough of RFC 5321 for one message.
#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/SocketStream.h>
#include <Poco/Net/StreamSocket.h>
#include <gtest/gtest.h>

#include <atomic>
#include <sstream>
#include <thread>

#include "server/notify/SmtpSender.h"

namespace dossier {
namespace {

// One SMTP conversation at a time on 127.0.0.1, recorded.
class SmtpServer {
 public:
  explicit SmtpServer(bool refuse_recipient = false)
      : socket_(Poco::Net::SocketAddress("127.0.0.1", 0)), refuse_recipient_(refuse_recipient) {
    thread_ = std::thread([this] { Serve(); });
  }
  ~SmtpServer() {
    stopping_ = true;
    thread_.join();
  }
  int port() const { return socket_.address().port(); }
  int connections() const { return connections_; }
  const std::string& mail_from() const { return mail_from_; }
  const std::string& rcpt_to() const { return rcpt_to_; }
  const std::string& data() const { return data_; }

 private:
  void Serve() {
    while (!stopping_) {
      if (!socket_.poll(Poco::Timespan(0, 50'000), Poco::Net::Socket::SELECT_READ)) continue;
      Poco::Net::StreamSocket client = socket_.acceptConnection();
      client.setReceiveTimeout(Poco::Timespan(10, 0));
      ++connections_;
      Converse(client);
    }
  }

  void Converse(Poco::Net::StreamSocket& client) {
    Poco::Net::SocketStream stream(client);
    stream << "220 test.example ESMTP\r\n" << std::flush;
    std::string line;
    while (std::getline(stream, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      std::string verb = line.substr(0, 4);
      if (verb == "EHLO" || verb == "HELO") {
        stream << "250 test.example\r\n";
      } else if (verb == "MAIL") {
        mail_from_ = line;
        stream << "250 OK\r\n";
      } else if (verb == "RCPT") {
        rcpt_to_ = line;
        stream << (refuse_recipient_ ? "550 No such user\r\n" : "250 OK\r\n");
      } else if (verb == "DATA") {
        stream << "354 End data with <CR><LF>.<CR><LF>\r\n" << std::flush;
        ReadData(stream);
        stream << "250 OK queued\r\n";
      } else if (verb == "QUIT") {
        stream << "221 Bye\r\n" << std::flush;
        return;
      } else {
        stream << "250 OK\r\n";  // RSET, NOOP
      }
      stream << std::flush;
    }
  }

  void ReadData(std::istream& stream) {
    std::string line;
    while (std::getline(stream, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line == ".") return;
      if (!line.empty() && line[0] == '.') line.erase(0, 1);  // dot-stuffing
      data_ += line + "\r\n";
    }
  }

  Poco::Net::ServerSocket socket_;
  bool refuse_recipient_;
  std::atomic<bool> stopping_{false};
  std::atomic<int> connections_{0};
  std::string mail_from_, rcpt_to_, data_;
  std::thread thread_;
};

OutboxMessage Sample(const std::string& recipient) {
  OutboxMessage message;
  message.id = 42;
  message.candidature = "cand-7";
  message.kind = "candidature_status";
  message.recipient = recipient;
  message.subject = "Votre candidature est complète";
  message.body = "Bonjour,\n\nVotre dossier est désormais « Complet ».\n.\nCordialement.";
  return message;
}

SmtpSettings To(const SmtpServer& server) {
  SmtpSettings settings;
  settings.host = "127.0.0.1";
  settings.port = server.port();
  settings.from = "ne-pas-repondre@univ.example.fr";
  settings.timeout = std::chrono::seconds(10);
  return settings;
}

TEST(SmtpSender, DeliversTheMessageToTheRecipientWithItsFrenchSubject) {
  SmtpServer server;
  std::ostringstream log;
  {
    SmtpSender sender(To(server), log);
    sender.Send(Sample("candidate@example.fr"));
  }
  EXPECT_EQ(server.connections(), 1);
  EXPECT_EQ(server.mail_from(), "MAIL FROM: <ne-pas-repondre@univ.example.fr>");
  EXPECT_EQ(server.rcpt_to(), "RCPT TO: <candidate@example.fr>");
  std::istringstream data(server.data());
  Poco::Net::MailMessage mail;
  mail.read(data);
  EXPECT_EQ(Poco::Net::MessageHeader::decodeWord(mail.getSubject()),
            "Votre candidature est complète");
  EXPECT_NE(mail.getContent().find("désormais « Complet »"), std::string::npos)
      << mail.getContent();
  // A line holding only "." is text, not the end of the DATA.
  EXPECT_NE(mail.getContent().find("\r\n.\r\nCordialement."), std::string::npos)
      << mail.getContent();
  EXPECT_NE(mail.get("Message-ID").find("outbox-42.cand-7@univ.example.fr"), std::string::npos);
  EXPECT_TRUE(log.str().empty());
}

TEST(SmtpSender, ThrowsWithTheServersAnswerWhenTheRecipientIsRefused) {
  SmtpServer server(true);
  SmtpSender sender(To(server));
  try {
    sender.Send(Sample("nobody@example.fr"));
    FAIL() << "sent";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("550"), std::string::npos) << error.what();
  }
}

TEST(SmtpSender, LogsAMessageWithoutRecipientInsteadOfMailingIt) {
  SmtpServer server;
  std::ostringstream log;
  SmtpSender sender(To(server), log);
  sender.Send(Sample(""));
  EXPECT_EQ(server.connections(), 0);
  EXPECT_NE(log.str().find("\"event\":\"notification\""), std::string::npos) << log.str();
  EXPECT_NE(log.str().find("cand-7"), std::string::npos);
}

TEST(SmtpSender, RefusesAnAddressThatWouldInjectHeaders) {
  SmtpServer server;
  SmtpSender sender(To(server));
  EXPECT_THROW(sender.Send(Sample("a@example.fr\r\nBcc: b@example.fr")), std::runtime_error);
  EXPECT_EQ(server.connections(), 0);
}

TEST(SmtpSender, ThrowsWhenNoServerListens) {
  SmtpSettings settings;
  {
    Poco::Net::ServerSocket closed(Poco::Net::SocketAddress("127.0.0.1", 0));
    settings.port = closed.address().port();
  }  // closed again: the port refuses connections
  settings.host = "127.0.0.1";
  SmtpSender sender(settings);
  EXPECT_THROW(sender.Send(Sample("candidate@example.fr")), std::runtime_error);
}

}  // namespace
}  // namespace dossier
