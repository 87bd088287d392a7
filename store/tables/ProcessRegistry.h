#pragma once

#include <string>

namespace sql {
class Connection;
}

namespace dossier {

// The processes of the service, as rows of the `worker` table: each one
// records itself and keeps `last_seen` fresh, so that /readyz on any server
// knows whether workers are alive, wherever they run.
class ProcessRegistry {
 public:
  // `role`: "server", "supervisor" or "worker".
  explicit ProcessRegistry(std::string role);
  const std::string& id() const { return id_; }  // host:pid:random
  const std::string& role() const { return role_; }

  void Beat(sql::Connection& connection) const;   // insert or refresh
  void Leave(sql::Connection& connection) const;  // on a clean exit

 private:
  std::string role_;
  std::string host_;
  std::string id_;
};

// How many processes of `role` were seen in the last `within_seconds`.
int CountAlive(sql::Connection& connection, const std::string& role, int within_seconds);

}  // namespace dossier
