#include "tests/db/ServedApi.h"

#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <cppconn/connection.h>
#include <cppconn/statement.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <ctime>

#include "workflow/policy/PiecePolicy.h"
#include "workflow/policy/PieceTypesTable.h"

namespace dossier::test {

using Poco::JSON::Array;
using Poco::JSON::Object;

std::string Reply::Header(const std::string& name) const {
  auto found = headers.find(Poco::toLower(name));
  return found == headers.end() ? "" : found->second;
}

Poco::Dynamic::Var Reply::Parsed() const {
  try {
    return Poco::JSON::Parser().parse(body);
  } catch (const Poco::Exception&) {
    ADD_FAILURE() << "not JSON: " << body.substr(0, 300);
    return Poco::Dynamic::Var();
  }
}

Object::Ptr Reply::Json() const {
  Poco::Dynamic::Var parsed = Parsed();
  if (parsed.type() == typeid(Object::Ptr)) return parsed.extract<Object::Ptr>();
  ADD_FAILURE() << "not a JSON object: " << body.substr(0, 300);
  return new Object;
}

Array::Ptr Reply::List() const {
  Poco::Dynamic::Var parsed = Parsed();
  if (parsed.type() == typeid(Array::Ptr)) return parsed.extract<Array::Ptr>();
  ADD_FAILURE() << "not a JSON array: " << body.substr(0, 300);
  return new Array;
}

std::string Reply::Error() const {
  return Json()->optValue<std::string>("error", "");
}

std::ostream& operator<<(std::ostream& out, const Reply& reply) {
  return out << reply.status << " " << reply.body.substr(0, 400);
}

Reply SendTo(int port, const std::string& method, const std::string& uri, const std::string& token,
             const std::string& body, const Headers& headers, const std::string& content_type) {
  Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
  session.setTimeout(Poco::Timespan(120, 0));
  Poco::Net::HTTPRequest request(method, uri, Poco::Net::HTTPMessage::HTTP_1_1);
  if (!token.empty()) request.set("Authorization", "Bearer " + token);
  for (const auto& [name, value] : headers) request.add(name, value);
  if (method == "POST" || method == "PUT") {
    request.setContentType(content_type);
    request.setContentLength64(static_cast<Poco::Int64>(body.size()));
  }
  session.sendRequest(request) << body;
  Poco::Net::HTTPResponse response;
  std::istream& in = session.receiveResponse(response);
  Reply reply;
  reply.status = static_cast<int>(response.getStatus());
  Poco::StreamCopier::copyToString(in, reply.body);
  for (const auto& [name, value] : response) reply.headers[Poco::toLower(name)] = value;
  return reply;
}

std::string MultipartFiles(const std::vector<std::pair<std::string, std::string>>& files,
                           const std::string& boundary, const std::string& type) {
  std::string body;
  for (const auto& [name, bytes] : files)
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" +
            name + "\"\r\nContent-Type: " + type + "\r\n\r\n" + bytes + "\r\n";
  return body + "--" + boundary + "--\r\n";
}

ServedApi::ServedApi(ServerSettings settings) {
  signal(SIGPIPE, SIG_IGN);
  {
    PooledConnection connection = db_.pool().Acquire();
    SeedPieceTypes(*connection, PiecePolicy::BuiltIn());
  }
  settings.port = 0;
  if (settings.threads < 4) settings.threads = 4;
  store_ = std::make_unique<BlobStore>(dir_.path());
  service_ =
      std::make_unique<HttpService>(settings, db_.pool(), *store_, secret_, PiecePolicy::BuiltIn());
  service_->Start();
}

ServedApi::~ServedApi() {
  service_->Stop();
}

std::string ServedApi::Token(TokenRole role, const std::string& candidature, const std::string& sub,
                             long seconds_left) const {
  AccessGrant grant;
  grant.role = role;
  grant.candidature = candidature;
  grant.sub = sub;
  grant.expires_at = static_cast<std::int64_t>(std::time(nullptr)) + seconds_left;
  return MintToken(grant, secret_);
}

Reply ServedApi::Upload(const std::string& id, const std::string& code,
                        const std::vector<std::pair<std::string, std::string>>& files,
                        const std::string& token) {
  const std::string boundary = "----served-api-test-boundary-5e1d";
  return SendTo(port(), "POST", "/api/v1/candidatures/" + id + "/pieces/" + code + "/files", token,
                MultipartFiles(files, boundary), {}, "multipart/form-data; boundary=" + boundary);
}

void ServedApi::Exec(const std::string& statement) {
  PooledConnection connection = db_.pool().Acquire();
  std::unique_ptr<sql::Statement>(connection->createStatement())->execute(statement);
}

void ServedApi::Create(const std::string& id, const std::vector<std::string>& codes,
                       const std::string& extra) {
  std::string pieces;
  for (const std::string& code : codes)
    pieces += (pieces.empty() ? "" : ", ") + std::string("{\"code\": \"") + code + "\"}";
  Reply reply = Send("PUT", "/api/v1/candidatures/" + id, Admin(),
                     "{" + extra +
                         R"("formation": "Licence Informatique", "email": "camille@example.org",
                           "pieces": [)" +
                         pieces + "]}");
  ASSERT_EQ(reply.status, 201) << reply;
}

namespace {
std::string Nullable(const std::string& value) {
  return value.empty() ? "NULL" : "'" + value + "'";
}
}  // namespace

void ServedApi::Version(const std::string& id, const std::string& code, int version,
                        const std::string& outcome, const std::string& ine_verdict,
                        const std::string& thumbnail_key) {
  std::string where = " WHERE candidature_id = '" + id + "' AND piece_code = '" + code + "'";
  Exec("INSERT INTO piece_version (candidature_id, piece_code, version, created_at) VALUES ('" +
       id + "', '" + code + "', " + std::to_string(version) + ", UTC_TIMESTAMP(3))");
  Exec("UPDATE pj_cand SET status = 'TR', current_version = " + std::to_string(version) + where);
  if (outcome.empty()) return;
  Exec(
      "INSERT INTO precheck (piece_version_id, job_id, outcome, reason, ine_verdict, message, "
      "report, output_key, output_bytes, thumbnail_key, latency_ms, created_at) "
      "SELECT id, 1, '" +
      outcome + "', NULL, " + Nullable(ine_verdict) + ", 'Pièce vérifiée.', NULL, NULL, NULL, " +
      Nullable(thumbnail_key) + ", 10, UTC_TIMESTAMP(3) FROM piece_version" + where +
      " AND version = " + std::to_string(version));
}

void ServedApi::SetStatuses(const std::string& id, const std::string& candidature,
                            const std::map<std::string, std::string>& pieces) {
  Exec("UPDATE candidature SET status = '" + candidature + "' WHERE id = '" + id + "'");
  for (const auto& [code, status] : pieces)
    Exec("UPDATE pj_cand SET status = '" + status + "' WHERE candidature_id = '" + id +
         "' AND piece_code = '" + code + "'");
}

long long ServedApi::Outbox(const std::string& id) {
  return db_.Count("SELECT COUNT(*) FROM outbox WHERE candidature_id = '" + id +
                   "' AND kind = 'candidature_status'");
}

std::string ServedApi::LastMail(const std::string& id) {
  return db_.Scalar("SELECT body FROM outbox WHERE candidature_id = '" + id +
                    "' ORDER BY id DESC LIMIT 1");
}

std::string ServedApi::Status(const std::string& id) {
  return db_.Scalar("SELECT status FROM candidature WHERE id = '" + id + "'");
}

std::vector<std::string> Strings(const Array::Ptr& array) {
  std::vector<std::string> items;
  if (!array) return items;
  for (std::size_t i = 0; i < array->size(); ++i)
    items.push_back(array->getElement<std::string>(i));
  return items;
}

}  // namespace dossier::test
