#include "store/db/DatabaseUrl.h"

#include <Poco/Exception.h>
#include <Poco/URI.h>

namespace dossier {

DatabaseUrl DatabaseUrl::Parse(const std::string& text) {
  Poco::URI uri;
  try {
    uri = Poco::URI(text);
  } catch (const Poco::Exception& error) {
    throw DatabaseUrlError("invalid database URL: " + error.displayText());
  }
  if (uri.getScheme() != "mysql" && uri.getScheme() != "mariadb")
    throw DatabaseUrlError("database URL must start with mysql:// (got \"" + text + "\")");
  DatabaseUrl url;
  const std::string& info = uri.getUserInfo();
  std::size_t colon = info.find(':');
  if (!info.empty()) url.user = info.substr(0, colon);
  if (colon != std::string::npos) url.password = info.substr(colon + 1);
  if (!uri.getHost().empty()) url.host = uri.getHost();
  if (uri.getPort() != 0) url.port = uri.getPort();
  std::string path = uri.getPath();
  if (path.size() > 1) url.schema = path.substr(1);
  if (url.schema.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos)
    throw DatabaseUrlError("database name must be lower-case letters, digits and _: " + url.schema);
  for (const auto& [key, value] : uri.getQueryParameters()) {
    if (key == "socket")
      url.socket = value;
    else
      throw DatabaseUrlError("unknown database URL parameter: " + key);
  }
  return url;
}

std::string DatabaseUrl::Display() const {
  std::string where = socket.empty() ? host + ":" + std::to_string(port) : host;
  std::string text =
      "mysql://" + user + (password.empty() ? "" : ":***") + "@" + where + "/" + schema;
  if (!socket.empty()) text += "?socket=" + socket;
  return text;
}

std::string DatabaseUrl::ToString() const {
  std::string where = socket.empty() ? host + ":" + std::to_string(port) : host;
  std::string text =
      "mysql://" + user + (password.empty() ? "" : ":" + password) + "@" + where + "/" + schema;
  if (!socket.empty()) text += "?socket=" + socket;
  return text;
}

std::string DatabaseUrl::ConnectorHost() const {
  if (!socket.empty()) return "unix://" + socket;
  return "tcp://" + host + ":" + std::to_string(port);
}

}  // namespace dossier
