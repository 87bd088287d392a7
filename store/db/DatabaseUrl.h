#pragma once

#include <stdexcept>
#include <string>

namespace dossier {

class DatabaseUrlError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Where the workflow database is: `mysql://user:password@host:port/schema`
// or, through a Unix socket, `mysql://user@localhost/schema?socket=/path`.
struct DatabaseUrl {
  std::string user = "root";
  std::string password;
  std::string host = "localhost";
  int port = 3306;
  std::string socket;  // non-empty: connect through this Unix socket
  std::string schema = "dossier";

  static DatabaseUrl Parse(const std::string& url);  // throws DatabaseUrlError
  // The URL with the password masked, for logs.
  std::string Display() const;
  // The URL in full, to hand to a child process (through its environment,
  // never its command line, where `ps` would show the password).
  std::string ToString() const;
  // What Connector/C++ calls hostName: "unix:///path" or "tcp://host:port".
  std::string ConnectorHost() const;
};

}  // namespace dossier
