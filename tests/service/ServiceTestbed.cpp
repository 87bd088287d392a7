#include "tests/service/ServiceTestbed.h"

#include <Poco/JSON/Array.h>

#include <chrono>
#include <ctime>
#include <stdexcept>
#include <thread>

#include "server/auth/AccessToken.h"
#include "server/auth/TokenSecret.h"

namespace dossier::test {

ServiceTestbed::ServiceTestbed(std::vector<std::string> flags, std::vector<std::string> environment)
    : flags_(std::move(flags)), environment_(std::move(environment)) {
  service_ = std::make_unique<ServiceProcess>(Flags(flags_), environment_);
  service_->Start();
  api_.set_port(service_->port());
}

std::vector<std::string> ServiceTestbed::Flags(std::vector<std::string> extra) const {
  std::vector<std::string> flags = {"--data-dir", data.path(), "--db", db.UrlText()};
  flags.insert(flags.end(), extra.begin(), extra.end());
  return flags;
}

std::unique_ptr<ServiceProcess> ServiceTestbed::Sibling(
    std::vector<std::string> flags, std::vector<std::string> environment) const {
  auto sibling = std::make_unique<ServiceProcess>(Flags(std::move(flags)), std::move(environment));
  sibling->Start();
  return sibling;
}

void ServiceTestbed::Restart() {
  std::vector<std::string> flags = Flags(flags_);
  flags.push_back("--port");
  flags.push_back(std::to_string(service_->port()));  // clients keep their address
  service_ = std::make_unique<ServiceProcess>(flags, environment_);
  service_->Start();
  api_.set_port(service_->port());
}

std::string ServiceTestbed::Token(const std::string& role, const std::string& candidature) const {
  AccessGrant grant;
  grant.role = *ParseTokenRole(role);
  grant.candidature = candidature;
  grant.expires_at = static_cast<std::int64_t>(std::time(nullptr)) + 3600;
  return MintToken(grant, LoadOrCreateTokenSecret(data.path()));
}

int ServiceTestbed::CreateCandidature(const std::string& id,
                                      const std::vector<std::pair<std::string, bool>>& pieces,
                                      const std::string& ine) {
  Poco::JSON::Object body;
  body.set("formation", "Licence Mathématiques — L1");
  if (!ine.empty()) body.set("ine", ine);
  Poco::JSON::Array list;
  for (const auto& [code, mandatory] : pieces) {
    Poco::JSON::Object piece;
    piece.set("code", code);
    piece.set("mandatory", mandatory);
    list.add(piece);
  }
  body.set("pieces", list);
  std::ostringstream json;
  body.stringify(json);
  return api_.Request("PUT", "/api/v1/candidatures/" + id, Admin(), json.str()).status;
}

Poco::JSON::Object::Ptr ServiceTestbed::WaitProcessed(const std::string& id, int seconds) {
  std::string token = Token("candidat", id);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  for (;;) {
    ApiResponse response = api_.Request("GET", "/api/v1/candidatures/" + id, token);
    if (response.status == 200) {
      Poco::JSON::Object::Ptr candidature = response.Json();
      Poco::JSON::Array::Ptr pieces = candidature->getArray("pieces");
      bool pending = false;
      for (std::size_t i = 0; i < pieces->size(); ++i)
        pending |=
            pieces->getObject(static_cast<unsigned>(i))->getValue<std::string>("processing") ==
            "pending";
      if (!pending) return candidature;
    }
    if (std::chrono::steady_clock::now() > deadline)
      throw std::runtime_error("candidature " + id + " still pending after " +
                               std::to_string(seconds) + " s: " + response.body);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
}

Poco::JSON::Object::Ptr ServiceTestbed::Piece(const Poco::JSON::Object::Ptr& candidature,
                                              const std::string& code) {
  Poco::JSON::Array::Ptr pieces = candidature->getArray("pieces");
  for (std::size_t i = 0; i < pieces->size(); ++i) {
    Poco::JSON::Object::Ptr piece = pieces->getObject(static_cast<unsigned>(i));
    if (piece->getValue<std::string>("code") == code) return piece;
  }
  throw std::runtime_error("no pièce " + code);
}

}  // namespace dossier::test
