#pragma once

#include <memory>
#include <string>
#include <vector>

#include "tests/db/TestDatabase.h"
#include "tests/service/ApiClient.h"
#include "tests/service/ServiceProcess.h"
#include "tests/support/Oracles.h"

namespace dossier::test {

// One service under test: a fresh database schema, a data directory, a
// running dossierd (role all unless the flags say otherwise) and a client.
class ServiceTestbed {
 public:
  explicit ServiceTestbed(std::vector<std::string> flags = {},
                          std::vector<std::string> environment = {});

  TestDatabase db;
  testing::TempDir data;

  ServiceProcess& service() { return *service_; }
  ApiClient& api() { return api_; }
  // Another dossierd on the same database and data directory (--role worker …).
  std::unique_ptr<ServiceProcess> Sibling(std::vector<std::string> flags,
                                          std::vector<std::string> environment = {}) const;
  void Restart();  // after Kill() or Terminate(): same flags, same port unknown → re-read

  std::string Token(const std::string& role, const std::string& candidature = "") const;
  std::string Admin() const { return Token("admin"); }
  std::string Gestionnaire() const { return Token("gestionnaire"); }

  // PUT /candidatures/{id} with these pièces (code, mandatory); returns the status.
  int CreateCandidature(const std::string& id,
                        const std::vector<std::pair<std::string, bool>>& pieces,
                        const std::string& ine = "1234567890V");
  // Polls GET /candidatures/{id} until no pièce is "pending" (or `seconds` pass).
  Poco::JSON::Object::Ptr WaitProcessed(const std::string& id, int seconds = 120);
  // The pièce entry `code` of a GET body.
  static Poco::JSON::Object::Ptr Piece(const Poco::JSON::Object::Ptr& candidature,
                                       const std::string& code);

 private:
  std::vector<std::string> Flags(std::vector<std::string> extra) const;

  std::vector<std::string> flags_;
  std::vector<std::string> environment_;
  std::unique_ptr<ServiceProcess> service_;
  ApiClient api_{0};
};

}  // namespace dossier::test
