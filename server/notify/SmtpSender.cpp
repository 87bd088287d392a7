#include "server/notify/SmtpSender.h"

#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MailRecipient.h>
#include <Poco/Net/SMTPClientSession.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Timespan.h>

#include <cctype>
#include <stdexcept>

namespace dossier {
namespace {

std::string DomainOf(const std::string& address) {
  std::size_t at = address.rfind('@');
  std::string domain = at == std::string::npos ? "localhost" : address.substr(at + 1);
  std::size_t end = domain.find('>');
  return end == std::string::npos ? domain : domain.substr(0, end);
}

// The Message-ID names the outbox row: "<outbox-42.cand-1@example.fr>".
std::string MessageId(const OutboxMessage& message, const std::string& from) {
  std::string candidature;
  for (char c : message.candidature)
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') candidature += c;
  return "<outbox-" + std::to_string(message.id) + "." + candidature + "@" + DomainOf(from) + ">";
}

// An address with a line break or without "@" would inject headers or be
// refused by any relay: a permanent error, reported as such.
void CheckRecipient(const std::string& recipient) {
  bool has_control = false;
  for (char c : recipient) has_control |= static_cast<unsigned char>(c) < 0x20;
  if (has_control || recipient.find('@') == std::string::npos)
    throw std::runtime_error("invalid recipient address '" + recipient + "'");
}

// Text in base64 is encoded in its canonical form, CRLF line ends (RFC 2045).
std::string WithCrlf(const std::string& text) {
  std::string out;
  out.reserve(text.size() + text.size() / 32);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') continue;
    if (text[i] == '\n') out += '\r';
    out += text[i];
  }
  return out;
}

void Compose(const OutboxMessage& message, const std::string& from, Poco::Net::MailMessage& mail) {
  mail.setSender(from);
  mail.addRecipient(
      Poco::Net::MailRecipient(Poco::Net::MailRecipient::PRIMARY_RECIPIENT, message.recipient));
  mail.setSubject(Poco::Net::MailMessage::encodeWord(message.subject, "UTF-8"));
  mail.set("Message-ID", MessageId(message, from));
  mail.setContentType("text/plain; charset=UTF-8");
  // Base64, not quoted-printable: Poco 1.11 does not dot-stuff the
  // quoted-printable lines it writes, so a line holding only "." would end
  // the SMTP DATA early; no base64 line can start with a dot.
  mail.setContent(WithCrlf(message.body), Poco::Net::MailMessage::ENCODING_BASE64);
}

// The message is accepted once "." got its 250: a failing QUIT changes
// nothing, and must not make the outbox send it again.
void CloseQuietly(Poco::Net::SMTPClientSession& session) {
  try {
    session.close();
  } catch (const Poco::Exception&) {
  }
}

}  // namespace

SmtpSender::SmtpSender(SmtpSettings settings, std::ostream& log)
    : settings_(std::move(settings)), log_(log) {}

void SmtpSender::Send(const OutboxMessage& message) {
  if (message.recipient.empty()) {
    log_.Send(message);
    return;
  }
  CheckRecipient(message.recipient);
  const std::string where = settings_.host + ":" + std::to_string(settings_.port);
  try {
    Poco::Timespan timeout(settings_.timeout.count(), 0);
    Poco::Net::StreamSocket socket;
    socket.connect(
        Poco::Net::SocketAddress(settings_.host, static_cast<Poco::UInt16>(settings_.port)),
        timeout);
    Poco::Net::SMTPClientSession session(socket);
    session.setTimeout(timeout);
    session.login(DomainOf(settings_.from));
    Poco::Net::MailMessage mail;
    Compose(message, settings_.from, mail);
    session.sendMessage(mail);
    CloseQuietly(session);
  } catch (const Poco::Exception& error) {
    throw std::runtime_error("SMTP " + where + ": " + error.displayText());
  }
}

}  // namespace dossier
