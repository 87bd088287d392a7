#pragma once

// A real HttpService on a free port over a fresh database, and the calls
// the API tests make to it through a real socket. Shared by the tests of
// the routes; each test builds its own.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "server/HttpService.h"
#include "server/auth/AccessToken.h"
#include "store/blobs/BlobStore.h"
#include "tests/db/TestDatabase.h"
#include "tests/support/Oracles.h"

namespace dossier::test {

// One answer: its status, body and headers (names lower-cased).
struct Reply {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;

  std::string Header(const std::string& name) const;
  Poco::Dynamic::Var Parsed() const;     // ADD_FAILURE when not JSON
  Poco::JSON::Object::Ptr Json() const;  // ADD_FAILURE when not an object
  Poco::JSON::Array::Ptr List() const;   // ADD_FAILURE when not an array
  std::string Error() const;             // the body's "error", or ""
};

std::ostream& operator<<(std::ostream& out, const Reply& reply);

// Headers added to a request as given (a Cookie, an Origin…).
using Headers = std::vector<std::pair<std::string, std::string>>;

// Any request to a service on `port` of this machine: `token` goes in the
// Authorization header when not empty; on POST and PUT, `body` is sent with
// `content_type`.
Reply SendTo(int port, const std::string& method, const std::string& uri, const std::string& token,
             const std::string& body = "", const Headers& headers = {},
             const std::string& content_type = "application/json");

// A multipart/form-data body of one `file` part per (name, bytes), as the
// candidate page sends an upload, with this boundary.
std::string MultipartFiles(const std::vector<std::pair<std::string, std::string>>& files,
                           const std::string& boundary,
                           const std::string& type = "application/pdf");

class ServedApi {
 public:
  explicit ServedApi(ServerSettings settings = ServerSettings());
  ~ServedApi();

  TestDatabase& db() { return db_; }
  const BlobStore& store() const { return *store_; }
  BlobStore& store() { return *store_; }
  HttpService& service() { return *service_; }
  int port() const { return service_->port(); }

  // A token valid for `seconds_left` (negative: expired); `sub` names its
  // holder.
  std::string Token(TokenRole role, const std::string& candidature = "",
                    const std::string& sub = "", long seconds_left = 3600) const;
  std::string Admin() const { return Token(TokenRole::Admin); }
  std::string Gestionnaire(const std::string& sub = "") const {
    return Token(TokenRole::Gestionnaire, "", sub);
  }
  std::string Candidat(const std::string& id) const { return Token(TokenRole::Candidat, id); }

  // A JSON body for POST and PUT.
  Reply Send(const std::string& method, const std::string& uri, const std::string& token,
             const std::string& body = "", const Headers& headers = {}) {
    return SendTo(port(), method, uri, token, body, headers);
  }
  // Files uploaded to a pièce as the page sends them (multipart).
  Reply Upload(const std::string& id, const std::string& code,
               const std::vector<std::pair<std::string, std::string>>& files,
               const std::string& token);
  Reply Get(const std::string& uri, const std::string& token) { return Send("GET", uri, token); }

  void Exec(const std::string& statement);

  // A candidature with the pièces `codes`, created by the admin as
  // eCandidat does (`extra`: more members of the PUT body, e.g.
  // R"("nom": "Martin", )").
  void Create(const std::string& id, const std::vector<std::string>& codes,
              const std::string& extra = "");
  // Version `version` of a pièce, made current (TR), with what a worker
  // concluded about it (`outcome` "" for a version still being processed).
  void Version(const std::string& id, const std::string& code, int version,
               const std::string& outcome, const std::string& ine_verdict = "",
               const std::string& thumbnail_key = "");
  void SetStatuses(const std::string& id, const std::string& candidature,
                   const std::map<std::string, std::string>& pieces);

  long long Outbox(const std::string& id);
  std::string LastMail(const std::string& id);
  std::string Status(const std::string& id);

 private:
  TestDatabase db_;
  testing::TempDir dir_;
  std::unique_ptr<BlobStore> store_;
  std::string secret_ = "served-api-test-secret-0123456789abcdef";
  std::unique_ptr<HttpService> service_;
};

std::vector<std::string> Strings(const Poco::JSON::Array::Ptr& array);

}  // namespace dossier::test
