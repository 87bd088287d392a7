#include <Poco/Exception.h>
#include <Poco/URI.h>

#include "server/notify/LogSender.h"
#include "server/notify/NotificationSender.h"
#include "server/notify/SmtpSender.h"

namespace dossier {
namespace {

SmtpSettings ParseSmtpUrl(const std::string& text) {
  Poco::URI uri;
  try {
    uri = Poco::URI(text);
  } catch (const Poco::Exception& error) {
    throw SenderUrlError("mail server URL '" + text + "': " + error.displayText());
  }
  if (uri.getScheme() != "smtp" || uri.getHost().empty())
    throw SenderUrlError("mail server URL '" + text + "': expected smtp://host[:port][?from=addr]");
  SmtpSettings settings;
  settings.host = uri.getHost();
  settings.port = uri.getPort() == 0 ? 25 : uri.getPort();
  for (const auto& [key, value] : uri.getQueryParameters()) {
    if (key != "from")
      throw SenderUrlError("mail server URL '" + text + "': unexpected parameter '" + key + "'");
    if (value.find('@') == std::string::npos)
      throw SenderUrlError("mail server URL '" + text + "': from=" + value + " is no address");
    settings.from = value;
  }
  return settings;
}

}  // namespace

std::unique_ptr<NotificationSender> MakeSender(const std::string& smtp_url) {
  if (smtp_url.empty()) return std::make_unique<LogSender>();
  return std::make_unique<SmtpSender>(ParseSmtpUrl(smtp_url));
}

}  // namespace dossier
