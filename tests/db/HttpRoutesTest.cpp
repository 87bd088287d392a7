// The HTTP API end to end: an HttpService on a free port against a fresh
// database, real requests over a real socket, real PDFs and JPEGs.
#include <Poco/JSON/Array.h>
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
#include <filesystem>
#include <map>
#include <memory>
#include <regex>
#include <sstream>

#include "isolation/LimitedChild.h"
#include "isolation/ReportChannel.h"
#include "server/HttpService.h"
#include "server/auth/AccessToken.h"
#include "store/blobs/BlobStore.h"
#include "store/db/ConnectionPool.h"
#include "tests/db/TestDatabase.h"
#include "tests/fixtures/BornDigitalPdf.h"
#include "tests/fixtures/DocxLike.h"
#include "tests/fixtures/ScanJpeg.h"
#include "tests/support/Oracles.h"
#include "workflow/policy/PiecePolicy.h"
#include "workflow/policy/PieceTypesTable.h"

namespace dossier {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;
using Headers = std::vector<std::pair<std::string, std::string>>;

struct HttpReply {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // names lower-cased

  Object::Ptr Json() const {
    try {
      Poco::Dynamic::Var parsed = Poco::JSON::Parser().parse(body);
      if (parsed.type() == typeid(Object::Ptr)) return parsed.extract<Object::Ptr>();
    } catch (const Poco::Exception&) {
    }
    ADD_FAILURE() << "not a JSON object: " << body;
    return new Object;
  }
  std::string Header(const std::string& name) const {
    auto found = headers.find(Poco::toLower(name));
    return found == headers.end() ? "" : found->second;
  }
  std::string Error() const { return Json()->optValue<std::string>("error", ""); }
};

std::ostream& operator<<(std::ostream& out, const HttpReply& reply) {
  return out << reply.status << " " << reply.body.substr(0, 400);
}

struct FilePart {
  std::string filename;
  std::string content_type;
  std::string bytes;
};

const char kBoundary[] = "----dossier-test-boundary-7d1f";

std::string MultipartBody(const std::vector<FilePart>& parts) {
  std::string body;
  for (const FilePart& part : parts) {
    body += std::string("--") + kBoundary + "\r\n";
    body += "Content-Disposition: form-data; name=\"file\"; filename=\"" + part.filename + "\"\r\n";
    body += "Content-Type: " + part.content_type + "\r\n\r\n";
    body += part.bytes + "\r\n";
  }
  return body + "--" + kBoundary + "--\r\n";
}

FilePart Pdf(const std::string& name, const std::string& title) {
  return {name, "application/pdf",
          fixtures::BornDigitalPdf({{title, "Nom : Dupont", "Prénom : Camille"}})};
}

// Made in a child: other tests of this binary fork job children that start
// libvips, which would wait forever for the threads of a libvips already
// started here.
FilePart Jpeg(const std::string& name) {
  fixtures::TextPageSpec spec;
  spec.lines = {"Relevé de notes du baccalauréat", "N° INE : 1234567890V", "Mathématiques 15"};
  spec.dpi = 100;
  spec.grey = true;
  ChildResult made = RunLimitedChild(
      [&](int fd) { return WriteAll(fd, fixtures::ScanJpeg(spec, 80)) ? 0 : 1; }, ChildLimits{});
  EXPECT_EQ(made.exit_code, 0);
  return {name, "image/jpeg", made.output};
}

// An HttpService on a free port with its own database (pièce types seeded
// from the built-in policy), blob store and token secret.
class ServedApi {
 public:
  explicit ServedApi(ServerSettings settings = ServerSettings()) : settings_(std::move(settings)) {
    signal(SIGPIPE, SIG_IGN);  // as dossierd does: a client hanging up is not fatal
    {
      PooledConnection connection = db_.pool().Acquire();
      SeedPieceTypes(*connection, PiecePolicy::BuiltIn());
    }
    settings_.port = 0;
    settings_.threads = 4;
    settings_.upload.min_free_bytes = 0;
    settings_.assemble_binary = testing::BuiltBinary("dossier");
    store_ = std::make_unique<BlobStore>(dir_.path());
    service_ = std::make_unique<HttpService>(settings_, db_.pool(), *store_, secret_,
                                             PiecePolicy::BuiltIn());
    service_->Start();
  }
  ~ServedApi() { service_->Stop(); }

  test::TestDatabase& db() { return db_; }
  const BlobStore& store() const { return *store_; }
  const ServerSettings& settings() const { return settings_; }
  int port() const { return service_->port(); }

  std::string Token(TokenRole role, const std::string& candidature = "",
                    long seconds_left = 3600) const {
    AccessGrant grant;
    grant.role = role;
    grant.candidature = candidature;
    grant.expires_at = static_cast<std::int64_t>(std::time(nullptr)) + seconds_left;
    return MintToken(grant, secret_);
  }
  std::string Admin() const { return Token(TokenRole::Admin); }
  std::string Gestionnaire() const { return Token(TokenRole::Gestionnaire); }
  std::string Candidat(const std::string& id) const { return Token(TokenRole::Candidat, id); }

  HttpReply Send(const std::string& method, const std::string& uri, const std::string& token,
                 const std::string& body = "", const std::string& content_type = "application/json",
                 const Headers& headers = {}) {
    Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port()));
    session.setTimeout(Poco::Timespan(120, 0));
    Poco::Net::HTTPRequest request(method, uri, Poco::Net::HTTPMessage::HTTP_1_1);
    if (!token.empty()) request.set("Authorization", "Bearer " + token);
    for (const auto& [name, value] : headers) request.set(name, value);
    if (method == "POST" || method == "PUT") {
      request.setContentType(content_type);
      request.setContentLength64(static_cast<Poco::Int64>(body.size()));
    }
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    return Read(session, response);
  }

  static HttpReply Read(Poco::Net::HTTPClientSession& session, Poco::Net::HTTPResponse& response) {
    std::istream& in = session.receiveResponse(response);
    HttpReply reply;
    reply.status = static_cast<int>(response.getStatus());
    Poco::StreamCopier::copyToString(in, reply.body);
    for (const auto& [name, value] : response) reply.headers[Poco::toLower(name)] = value;
    return reply;
  }

  HttpReply Upload(const std::string& id, const std::string& code,
                   const std::vector<FilePart>& parts, const std::string& token,
                   const Headers& headers = {}) {
    return Send("POST", PiecePath(id, code) + "/files", token, MultipartBody(parts),
                std::string("multipart/form-data; boundary=") + kBoundary, headers);
  }

  HttpReply Post(const std::string& uri, const std::string& token, const std::string& body = "") {
    return Send("POST", uri, token, body);
  }

  static std::string CandidaturePath(const std::string& id) { return "/api/v1/candidatures/" + id; }
  static std::string PiecePath(const std::string& id, const std::string& code) {
    return CandidaturePath(id) + "/pieces/" + code;
  }

  HttpReply PutCandidature(const std::string& id, const std::string& body) {
    return Send("PUT", CandidaturePath(id), Admin(), body);
  }

  // Files under files/ in the data directory: uploads as received.
  int StoredUploads() const {
    int count = 0;
    std::filesystem::path files = std::filesystem::path(dir_.path()) / "files";
    if (!std::filesystem::exists(files)) return 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(files))
      if (entry.is_regular_file()) ++count;
    return count;
  }

  // Runs a statement that returns no rows (what a worker or an operator does).
  void Exec(const std::string& statement) {
    PooledConnection connection = db_.pool().Acquire();
    std::unique_ptr<sql::Statement>(connection->createStatement())->execute(statement);
  }

  std::string PieceStatus(const std::string& id, const std::string& code) {
    return db_.Scalar("SELECT status FROM pj_cand WHERE candidature_id = '" + id +
                      "' AND piece_code = '" + code + "'");
  }
  std::string CandidatureStatus(const std::string& id) {
    return db_.Scalar("SELECT status FROM candidature WHERE id = '" + id + "'");
  }
  long long Outbox(const std::string& id, const std::string& kind) {
    return db_.Count("SELECT COUNT(*) FROM outbox WHERE candidature_id = '" + id +
                     "' AND kind = '" + kind + "'");
  }

 private:
  test::TestDatabase db_;
  testing::TempDir dir_;
  ServerSettings settings_;
  std::unique_ptr<BlobStore> store_;
  std::string secret_ = "http-test-secret-0123456789abcdef";
  std::unique_ptr<HttpService> service_;
};

const char kTwoPieces[] =
    R"({"formation": "Licence Droit", "ine": "1234567890V", "email": "camille@example.org",
        "pieces": [{"code": "releve_bac", "mandatory": true}, {"code": "cv", "mandatory": true}]})";

Array::Ptr Pieces(const Object::Ptr& candidature) {
  return candidature->getArray("pieces");
}

Object::Ptr PieceAt(const Object::Ptr& candidature, unsigned index) {
  return Pieces(candidature)->getObject(index);
}

// ---------------------------------------------------------------------------
// Candidatures and access

TEST(HttpRoutes, AdminCreatesACandidatureThatItsCandidatReads) {
  ServedApi api;
  HttpReply created = api.PutCandidature("C1", kTwoPieces);
  ASSERT_EQ(created.status, 201) << created;
  Object::Ptr body = created.Json();
  EXPECT_EQ(body->getValue<std::string>("id"), "C1");
  EXPECT_EQ(body->getValue<std::string>("status"), "AT");
  EXPECT_EQ(body->getValue<std::string>("status_label"), "En attente");
  EXPECT_EQ(body->getValue<std::string>("ine"), "1234567890V");
  ASSERT_EQ(Pieces(body)->size(), 2u);
  Object::Ptr first = PieceAt(body, 0);
  EXPECT_EQ(first->getValue<std::string>("code"), "releve_bac");  // list order
  EXPECT_EQ(first->getValue<std::string>("label"), "Relevé de notes du baccalauréat");
  EXPECT_EQ(first->getValue<std::string>("status"), "AT");
  EXPECT_EQ(first->getValue<std::string>("processing"), "none");
  EXPECT_TRUE(first->isNull("report"));
  EXPECT_EQ(first->getValue<Poco::Int64>("max_bytes"), 2'000'000);
  EXPECT_EQ(first->getArray("formats")->size(),
            PiecePolicy::BuiltIn().RulesFor("releve_bac").formats.size());
  EXPECT_EQ(api.db().Count("SELECT COUNT(*) FROM pj_cand WHERE candidature_id = 'C1'"), 2);
  EXPECT_EQ(api.db().Scalar("SELECT position FROM pj_cand WHERE piece_code = 'cv'"), "1");

  HttpReply read = api.Send("GET", ServedApi::CandidaturePath("C1"), api.Candidat("C1"));
  ASSERT_EQ(read.status, 200) << read;
  EXPECT_EQ(read.Json()->getValue<std::string>("formation"), "Licence Droit");
  EXPECT_NE(read.Header("Content-Type").find("application/json"), std::string::npos);
}

TEST(HttpRoutes, ASecondPutUpdatesAndAddsPiecesWithoutDroppingAny) {
  ServedApi api;
  ASSERT_EQ(api.PutCandidature("C1", kTwoPieces).status, 201);
  HttpReply updated = api.PutCandidature("C1", R"({"formation": "Licence Droit parcours Europe",
                "pieces": [{"code": "cv", "mandatory": false}, {"code": "bulletins"}]})");
  ASSERT_EQ(updated.status, 200) << updated;
  Object::Ptr body = updated.Json();
  EXPECT_EQ(body->getValue<std::string>("formation"), "Licence Droit parcours Europe");
  EXPECT_EQ(body->getValue<std::string>("ine"), "1234567890V");  // absent: kept
  ASSERT_EQ(Pieces(body)->size(), 3u);
  EXPECT_EQ(PieceAt(body, 0)->getValue<std::string>("code"), "cv");
  EXPECT_FALSE(PieceAt(body, 0)->getValue<bool>("mandatory"));
  EXPECT_TRUE(PieceAt(body, 0)->getValue<bool>("conditional"));
}

TEST(HttpRoutes, TokensAndRolesDecideWhoGetsIn) {
  ServedApi api;
  ASSERT_EQ(api.PutCandidature("C1", kTwoPieces).status, 201);
  ASSERT_EQ(api.PutCandidature("C2", kTwoPieces).status, 201);
  std::string path = ServedApi::CandidaturePath("C1");

  HttpReply other = api.Send("GET", path, api.Candidat("C2"));
  EXPECT_EQ(other.status, 403) << other;
  EXPECT_EQ(other.Error(), "forbidden");
  EXPECT_FALSE(other.Json()->getValue<std::string>("message").empty());

  HttpReply anonymous = api.Send("GET", path, "");
  EXPECT_EQ(anonymous.status, 401) << anonymous;
  EXPECT_EQ(anonymous.Error(), "unauthorized");
  EXPECT_EQ(anonymous.Header("WWW-Authenticate"), "Bearer");

  HttpReply forged = api.Send("GET", path, api.Candidat("C1") + "x");
  EXPECT_EQ(forged.status, 401) << forged;

  HttpReply expired =
      api.Send("GET", path, api.Token(TokenRole::Candidat, "C1", -10 - kClockLeewaySeconds));
  EXPECT_EQ(expired.status, 401) << expired;
  EXPECT_EQ(expired.Error(), "token_expired");

  HttpReply gestionnaire_put = api.Send("PUT", path, api.Gestionnaire(), kTwoPieces);
  EXPECT_EQ(gestionnaire_put.status, 403) << gestionnaire_put;
  HttpReply candidat_put = api.Send("PUT", path, api.Candidat("C1"), kTwoPieces);
  EXPECT_EQ(candidat_put.status, 403) << candidat_put;

  EXPECT_EQ(api.Send("GET", path, api.Gestionnaire()).status, 200);
  HttpReply list = api.Send("GET", "/api/v1/candidatures", api.Candidat("C1"));
  EXPECT_EQ(list.status, 403) << list;
}

TEST(HttpRoutes, BadRequestsGetTheirStatusAndAFrenchMessage) {
  ServedApi api;
  struct Case {
    std::string method, path, body;
    int status;
    std::string error;
  };
  std::string admin = api.Admin();
  for (const Case& c : std::vector<Case>{
           {"PUT", "/api/v1/candidatures/C1", R"({"formation": "L", "pieces": [{"code": "x"}]})",
            400, "unknown_piece"},
           {"PUT", "/api/v1/candidatures/C1", R"({"formation": "L", "ine": "1234567890A"})", 400,
            "invalid_ine"},
           {"PUT", "/api/v1/candidatures/C1", R"({"formation": "L", )", 400, "invalid_json"},
           {"PUT", "/api/v1/candidatures/C1", R"([1, 2])", 400, "invalid_json"},
           {"PUT", "/api/v1/candidatures/a.b", R"({"formation": "L"})", 400, "invalid_id"},
           {"PUT", "/api/v1/candidatures/C1", std::string(1'100'000, ' '), 413, "too_large"},
           {"GET", "/api/v1/candidatures/nobody", "", 404, "not_found"},
           {"GET", "/api/v1/nothing-here", "", 404, "not_found"},
           {"DELETE", "/api/v1/candidatures/C1", "", 405, "method_not_allowed"},
           {"GET", "/api/v1/candidatures?status=ZZ", "", 400, "invalid_status"}}) {
    HttpReply reply = api.Send(c.method, c.path, admin, c.body);
    EXPECT_EQ(reply.status, c.status) << c.method << " " << c.path << ": " << reply;
    EXPECT_EQ(reply.Error(), c.error) << c.path;
    std::string message = reply.Json()->optValue<std::string>("message", "");
    EXPECT_FALSE(message.empty()) << c.path;
  }
  EXPECT_EQ(api.db().Count("SELECT COUNT(*) FROM candidature"), 0);
  EXPECT_NE(api.Send("DELETE", "/api/v1/candidatures/C1", admin).Header("Allow").find("PUT"),
            std::string::npos);
}

TEST(HttpRoutes, TheGestionnaireListFiltersByStatusAndCountsPiecesToCheck) {
  ServedApi api;
  ASSERT_EQ(api.PutCandidature("C1", kTwoPieces).status, 201);
  ASSERT_EQ(api.PutCandidature("C2", kTwoPieces).status, 201);
  api.Exec("UPDATE candidature SET status = 'RE' WHERE id = 'C2'");
  api.Exec("UPDATE pj_cand SET status = 'TR' WHERE candidature_id = 'C2'");
  HttpReply list = api.Send("GET", "/api/v1/candidatures?status=RE", api.Gestionnaire());
  ASSERT_EQ(list.status, 200) << list;
  Array::Ptr items = list.Json()->getArray("items");
  ASSERT_EQ(items->size(), 1u);
  EXPECT_EQ(list.Json()->getValue<int>("total"), 1);
  EXPECT_EQ(items->getObject(0)->getValue<std::string>("id"), "C2");
  EXPECT_EQ(items->getObject(0)->getValue<int>("pieces_to_check"), 2);
  EXPECT_TRUE(std::regex_match(items->getObject(0)->getValue<std::string>("updated_at"),
                               std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
  HttpReply all = api.Send("GET", "/api/v1/candidatures", api.Admin());
  EXPECT_EQ(all.Json()->getArray("items")->size(), 2u);
  EXPECT_EQ(all.Json()->getValue<int>("total"), 2);
}

// ---------------------------------------------------------------------------
// Uploads

TEST(HttpRoutes, UploadOfARealJpegAndPdfIsAcknowledgedAndThePieceTransmitted) {
  ServedApi api;
  ASSERT_EQ(api.PutCandidature("C1", kTwoPieces).status, 201);
  HttpReply reply = api.Upload("C1", "releve_bac", {Jpeg("releve.jpg"), Pdf("suite.pdf", "Suite")},
                               api.Candidat("C1"));
  ASSERT_EQ(reply.status, 202) << reply;
  Object::Ptr ack = reply.Json();
  EXPECT_EQ(ack->getValue<int>("version"), 1);
  EXPECT_GT(ack->getValue<Poco::Int64>("job"), 0);
  EXPECT_EQ(api.PieceStatus("C1", "releve_bac"), "TR");
  EXPECT_EQ(api.db().Count("SELECT COUNT(*) FROM fichier"), 2);
  EXPECT_EQ(api.db().Count("SELECT COUNT(*) FROM job WHERE state = 'queued'"), 1);
  EXPECT_EQ(api.StoredUploads(), 2);
  EXPECT_EQ(api.db().Scalar("SELECT sniffed_type FROM fichier WHERE position = 1"), "jpeg");

  Object::Ptr piece =
      PieceAt(api.Send("GET", ServedApi::CandidaturePath("C1"), api.Candidat("C1")).Json(), 0);
  EXPECT_EQ(piece->getValue<std::string>("status"), "TR");
  EXPECT_EQ(piece->getValue<std::string>("processing"), "pending");
  EXPECT_EQ(piece->getValue<int>("version"), 1);
  Array::Ptr files = piece->getArray("files");
  ASSERT_EQ(files->size(), 2u);
  EXPECT_EQ(files->getObject(0)->getValue<std::string>("name"), "releve.jpg");
  EXPECT_EQ(files->getObject(1)->getValue<std::string>("type"), "pdf");
}

TEST(HttpRoutes, AWordFileIsRefusedWith415AndNothingIsKept) {
  ServedApi api;
  ASSERT_EQ(api.PutCandidature("C1", kTwoPieces).status, 201);
  HttpReply reply = api.Upload(
      "C1", "cv",
      {{"cv.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        fixtures::DocxLike()}},
      api.Candidat("C1"));
  EXPECT_EQ(reply.status, 415) << reply;
  std::string message = reply.Json()->getValue<std::string>("message");
  EXPECT_NE(message.find("Word"), std::string::npos) << message;
  EXPECT_NE(message.find("PDF"), std::string::npos) << message;
  EXPECT_EQ(api.PieceStatus("C1", "cv"), "AT");
  EXPECT_EQ(api.db().Count("SELECT COUNT(*) FROM fichier"), 0);
  EXPECT_EQ(api.StoredUploads(), 0);
}

TEST(HttpRoutes, AnAnnouncedBodyOverTheCapIs413BeforeAnyByteIsRead) {
  ServerSettings settings;
  settings.upload.max_request_bytes = 5'000'000;
  ServedApi api(settings);
  ASSERT_EQ(api.PutCandidature("C1", kTwoPieces).status, 201);

  Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(api.port()));
  session.setTimeout(Poco::Timespan(30, 0));
  Poco::Net::HTTPRequest request("POST", ServedApi::PiecePath("C1", "cv") + "/files",
                                 Poco::Net::HTTPMessage::HTTP_1_1);
  request.set("Authorization", "Bearer " + api.Candidat("C1"));
  request.setContentType(std::string("multipart/form-data; boundary=") + kBoundary);
  request.setContentLength64(5'000'001);
  request.setExpectContinue(true);
  session.sendRequest(request);  // headers only: the body is never sent
  Poco::Net::HTTPResponse response;
  EXPECT_FALSE(session.peekResponse(response)) << "the server must not ask for the body";
  HttpReply reply = ServedApi::Read(session, response);
  EXPECT_EQ(reply.status, 413) << reply;
  EXPECT_EQ(reply.Error(), "too_large");
  EXPECT_EQ(Poco::toLower(reply.Header("Connection")), "close");
  EXPECT_EQ(api.StoredUploads(), 0);
}

TEST(HttpRoutes, AnUploadThatWaitsFor100ContinueGetsItAndIsStored) {
  ServedApi api;
  ASSERT_EQ(api.PutCandidature("C1", kTwoPieces).status, 201);
  std::string body = MultipartBody({Pdf("cv.pdf", "Curriculum vitae")});
  Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(api.port()));
  session.setTimeout(Poco::Timespan(30, 0));
  Poco::Net::HTTPRequest request("POST", ServedApi::PiecePath("C1", "cv") + "/files",
                                 Poco::Net::HTTPMessage::HTTP_1_1);
  request.set("Authorization", "Bearer " + api.Candidat("C1"));
  request.setContentType(std::string("multipart/form-data; boundary=") + kBoundary);
  request.setContentLength64(static_cast<Poco::Int64>(body.size()));
  request.setExpectContinue(true);
  std::ostream& out = session.sendRequest(request);
  Poco::Net::HTTPResponse response;
  ASSERT_TRUE(session.peekResponse(response));
  out << body;
  HttpReply reply = ServedApi::Read(session, response);
  EXPECT_EQ(reply.status, 202) << reply;
  EXPECT_EQ(api.PieceStatus("C1", "cv"), "TR");
}

TEST(HttpRoutes, ARetryWithTheSameIdempotencyKeyGetsTheFirstAnswer) {
  ServedApi api;
  ASSERT_EQ(api.PutCandidature("C1", kTwoPieces).status, 201);
  Headers key = {{"Idempotency-Key", "upload-cv-1"}};
  HttpReply first = api.Upload("C1", "cv", {Pdf("cv.pdf", "CV")}, api.Candidat("C1"), key);
  ASSERT_EQ(first.status, 202) << first;
  HttpReply again = api.Upload("C1", "cv", {Pdf("cv.pdf", "CV")}, api.Candidat("C1"), key);
  EXPECT_EQ(again.status, 202) << again;
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(api.db().Count("SELECT COUNT(*) FROM piece_version"), 1);
  EXPECT_EQ(api.StoredUploads(), 1);
}

TEST(HttpRoutes, UploadsRespectRolesAndClosedCandidatures) {
  ServedApi api;
  ASSERT_EQ(api.PutCandidature("C1", kTwoPieces).status, 201);
  EXPECT_EQ(api.Upload("C1", "cv", {Pdf("cv.pdf", "CV")}, api.Gestionnaire()).status, 403);
  EXPECT_EQ(api.Upload("C1", "cv", {Pdf("cv.pdf", "CV")}, api.Candidat("C2")).status, 403);
  EXPECT_EQ(api.Upload("C1", "identite", {Pdf("id.pdf", "ID")}, api.Candidat("C1")).status, 404);
  EXPECT_EQ(api.Upload("C1", "nope", {Pdf("x.pdf", "X")}, api.Candidat("C1")).status, 404);
  api.Exec("UPDATE candidature SET status = 'RE' WHERE id = 'C1'");
  HttpReply closed = api.Upload("C1", "cv", {Pdf("cv.pdf", "CV")}, api.Candidat("C1"));
  EXPECT_EQ(closed.status, 409) << closed;
  EXPECT_EQ(api.Upload("C1", "cv", {Pdf("cv.pdf", "CV")}, api.Admin()).status, 409);
  EXPECT_EQ(api.StoredUploads(), 0);
}

// ---------------------------------------------------------------------------
// Non concerné, transmission, decisions

TEST(HttpRoutes, TransmitWithAPieceWaitingIs409NamingIt) {
  ServedApi api;
  ASSERT_EQ(api.PutCandidature("C1", kTwoPieces).status, 201);
  ASSERT_EQ(api.Upload("C1", "cv", {Pdf("cv.pdf", "CV")}, api.Candidat("C1")).status, 202);
  HttpReply reply = api.Post(ServedApi::CandidaturePath("C1") + "/transmit", api.Candidat("C1"));
  EXPECT_EQ(reply.status, 409) << reply;
  EXPECT_EQ(reply.Error(), "pieces_missing");
  Array::Ptr pieces = reply.Json()->getArray("pieces");
  ASSERT_TRUE(pieces);
  ASSERT_EQ(pieces->size(), 1u);
  EXPECT_EQ(pieces->getElement<std::string>(0), "releve_bac");
  EXPECT_NE(
      reply.Json()->getValue<std::string>("message").find("« Relevé de notes du baccalauréat »"),
      std::string::npos);
  EXPECT_EQ(api.CandidatureStatus("C1"), "AT");
  EXPECT_EQ(api.Outbox("C1", "candidature_status"), 0);
}

TEST(HttpRoutes, NonConcerneOnlyForConditionalPiecesThenTransmitSucceeds) {
  ServedApi api;
  ASSERT_EQ(api.PutCandidature("C1", R"({"formation": "BUT", "pieces": [{"code": "cv"},
                             {"code": "diplomes", "mandatory": false},
                             {"code": "complementaires"}]})")
                .status,
            201);
  std::string candidat = api.Candidat("C1");
  HttpReply mandatory = api.Post(ServedApi::PiecePath("C1", "cv") + "/non-concerne", candidat);
  EXPECT_EQ(mandatory.status, 409) << mandatory;
  EXPECT_EQ(mandatory.Error(), "not_conditional");
  HttpReply optional = api.Post(ServedApi::PiecePath("C1", "diplomes") + "/non-concerne", candidat);
  EXPECT_EQ(optional.status, 200) << optional;
  EXPECT_EQ(PieceAt(optional.Json(), 1)->getValue<std::string>("status"), "NC");
  HttpReply conditional =
      api.Post(ServedApi::PiecePath("C1", "complementaires") + "/non-concerne", candidat);
  EXPECT_EQ(conditional.status, 200) << conditional;
  EXPECT_EQ(api.PieceStatus("C1", "complementaires"), "NC");

  ASSERT_EQ(api.Upload("C1", "cv", {Pdf("cv.pdf", "CV")}, candidat).status, 202);
  HttpReply transmitted = api.Post(ServedApi::CandidaturePath("C1") + "/transmit", candidat);
  ASSERT_EQ(transmitted.status, 200) << transmitted;
  EXPECT_EQ(transmitted.Json()->getValue<std::string>("status"), "RE");
  EXPECT_EQ(api.Outbox("C1", "candidature_status"), 1);
  EXPECT_NE(api.db().Scalar("SELECT body FROM outbox").find("Réceptionné"), std::string::npos);
  EXPECT_EQ(api.db().Scalar("SELECT recipient FROM outbox"), "");  // no e-mail given

  HttpReply again = api.Post(ServedApi::CandidaturePath("C1") + "/transmit", candidat);
  EXPECT_EQ(again.status, 409) << again;
  EXPECT_EQ(again.Error(), "not_transmittable");
  HttpReply closed = api.Post(ServedApi::PiecePath("C1", "diplomes") + "/non-concerne", candidat);
  EXPECT_EQ(closed.status, 409) << closed;
}

TEST(HttpRoutes, DecisionsMoveTheCandidatureAndWriteTheOutbox) {
  ServedApi api;
  ASSERT_EQ(api.PutCandidature("C1", kTwoPieces).status, 201);
  std::string candidat = api.Candidat("C1");
  std::string gestionnaire = api.Gestionnaire();
  std::string decide_bac = ServedApi::PiecePath("C1", "releve_bac") + "/decision";
  std::string decide_cv = ServedApi::PiecePath("C1", "cv") + "/decision";
  ASSERT_EQ(api.Upload("C1", "releve_bac", {Jpeg("bac.jpg")}, candidat).status, 202);
  ASSERT_EQ(api.Upload("C1", "cv", {Pdf("cv.pdf", "CV")}, candidat).status, 202);

  HttpReply early = api.Post(decide_bac, gestionnaire, R"({"status": "VA"})");
  EXPECT_EQ(early.status, 409) << early;
  EXPECT_EQ(early.Error(), "not_transmitted");
  ASSERT_EQ(api.Post(ServedApi::CandidaturePath("C1") + "/transmit", candidat).status, 200);

  EXPECT_EQ(api.Post(decide_bac, candidat, R"({"status": "VA"})").status, 403);
  HttpReply bare = api.Post(decide_bac, gestionnaire, R"({"status": "RE", "comment": " "})");
  EXPECT_EQ(bare.status, 400) << bare;
  EXPECT_EQ(bare.Error(), "comment_required");
  EXPECT_EQ(api.Post(decide_bac, gestionnaire, R"({"status": "OK"})").status, 400);

  HttpReply refused =
      api.Post(decide_bac, gestionnaire, R"({"status": "RE", "comment": "Illisible"})");
  ASSERT_EQ(refused.status, 200) << refused;
  EXPECT_EQ(refused.Json()->getValue<std::string>("status"), "IN");
  EXPECT_EQ(PieceAt(refused.Json(), 0)->getValue<std::string>("comment"), "Illisible");
  EXPECT_EQ(api.Outbox("C1", "piece_refused"), 1);
  EXPECT_EQ(api.Outbox("C1", "candidature_status"), 2);  // RE on transmit, then IN
  std::string mail = api.db().Scalar(
      "SELECT body FROM outbox WHERE kind = 'candidature_status' ORDER BY id DESC LIMIT 1");
  EXPECT_NE(mail.find("Incomplet"), std::string::npos) << mail;
  EXPECT_NE(mail.find("Relevé de notes du baccalauréat : Illisible"), std::string::npos) << mail;
  EXPECT_EQ(api.db().Scalar("SELECT recipient FROM outbox WHERE kind = 'piece_refused'"),
            "camille@example.org");

  HttpReply cv_ok = api.Post(decide_cv, gestionnaire, R"({"status": "VA"})");
  ASSERT_EQ(cv_ok.status, 200) << cv_ok;
  EXPECT_EQ(cv_ok.Json()->getValue<std::string>("status"), "IN");  // still a refused pièce
  EXPECT_EQ(api.Outbox("C1", "candidature_status"), 2);

  // The candidate replaces the refused pièce and transmits again.
  ASSERT_EQ(api.Upload("C1", "releve_bac", {Jpeg("bac2.jpg")}, candidat).status, 202);
  EXPECT_EQ(api.PieceStatus("C1", "releve_bac"), "TR");
  ASSERT_EQ(api.Post(ServedApi::CandidaturePath("C1") + "/transmit", candidat).status, 200);
  EXPECT_EQ(api.CandidatureStatus("C1"), "RE");

  HttpReply complete = api.Post(decide_bac, gestionnaire, R"({"status": "VA"})");
  ASSERT_EQ(complete.status, 200) << complete;
  EXPECT_EQ(complete.Json()->getValue<std::string>("status"), "CO");
  EXPECT_EQ(api.Outbox("C1", "candidature_status"), 4);  // RE, IN, RE, CO
  EXPECT_NE(api.db()
                .Scalar("SELECT subject FROM outbox WHERE kind = 'candidature_status' "
                        "ORDER BY id DESC LIMIT 1")
                .find("Complet"),
            std::string::npos);

  HttpReply after = api.Post(decide_bac, gestionnaire, R"({"status": "RE", "comment": "x"})");
  EXPECT_EQ(after.status, 409) << after;
  EXPECT_EQ(after.Error(), "not_transmitted");
}

// ---------------------------------------------------------------------------
// Results and downloads

// What a worker writes when it finishes a job: the processed PDF and the
// pre-check row.
void FinishJob(ServedApi& api, const std::string& outcome, long long latency_ms,
               const std::string& pdf) {
  std::string key = api.store().NewKey("results");
  api.store().WriteDurably(key, pdf);
  std::string version = api.db().Scalar("SELECT MAX(id) FROM piece_version");
  api.Exec(
      "UPDATE job SET state = 'done', finished_at = UTC_TIMESTAMP(3) "
      "WHERE piece_version_id = " +
      version);
  api.Exec(
      "INSERT INTO precheck (piece_version_id, job_id, outcome, reason, ine_verdict, message, "
      "report, output_key, output_bytes, latency_ms, created_at) SELECT " +
      version + ", id, '" + outcome +
      "', NULL, 'conforme', 'Pièce acceptée : 1 page, 42 ko.', "
      "'{\"status\": \"" +
      outcome + "\", \"pages\": 1, \"ine\": {\"verdict\": \"conforme\"}}', '" + key + "', " +
      std::to_string(pdf.size()) + ", " + std::to_string(latency_ms) +
      ", UTC_TIMESTAMP(3) FROM job WHERE piece_version_id = " + version);
}

TEST(HttpRoutes, ThePiecePdfIsServedOnceProcessedAndTheReportShows) {
  ServedApi api;
  ASSERT_EQ(api.PutCandidature("C1", kTwoPieces).status, 201);
  std::string candidat = api.Candidat("C1");
  std::string pdf_path = ServedApi::PiecePath("C1", "cv") + "/pdf";
  HttpReply nothing = api.Send("GET", pdf_path, candidat);
  EXPECT_EQ(nothing.status, 404) << nothing;

  ASSERT_EQ(api.Upload("C1", "cv", {Pdf("cv.pdf", "CV")}, candidat).status, 202);
  HttpReply pending = api.Send("GET", pdf_path, candidat);
  EXPECT_EQ(pending.status, 409) << pending;
  EXPECT_EQ(pending.Error(), "not_processed");

  std::string processed = fixtures::BornDigitalPdf({{"CV traité"}});
  FinishJob(api, "accepted", 3500, processed);
  HttpReply served = api.Send("GET", pdf_path, api.Gestionnaire());
  ASSERT_EQ(served.status, 200) << served.status;
  EXPECT_EQ(served.Header("Content-Type"), "application/pdf");
  EXPECT_NE(served.Header("Content-Disposition").find("attachment"), std::string::npos);
  EXPECT_EQ(served.body, processed);

  Object::Ptr piece =
      PieceAt(api.Send("GET", ServedApi::CandidaturePath("C1"), candidat).Json(), 1);
  EXPECT_EQ(piece->getValue<std::string>("processing"), "done");
  EXPECT_EQ(piece->getValue<std::string>("message"), "Pièce acceptée : 1 page, 42 ko.");
  Object::Ptr report = piece->getObject("report");
  ASSERT_TRUE(report);
  EXPECT_EQ(report->getValue<int>("pages"), 1);
  EXPECT_EQ(report->getObject("ine")->getValue<std::string>("verdict"), "conforme");
}

TEST(HttpRoutes, TheDossierPdfIsAssembledForAKnownCandidatureOnly) {
  ServedApi api;
  ASSERT_EQ(api.PutCandidature("C1", kTwoPieces).status, 201);
  HttpReply unknown = api.Send("GET", "/api/v1/candidatures/nobody/dossier.pdf", api.Admin());
  EXPECT_EQ(unknown.status, 404) << unknown;
  EXPECT_EQ(unknown.Error(), "not_found");
  HttpReply dossier =
      api.Send("GET", ServedApi::CandidaturePath("C1") + "/dossier.pdf", api.Candidat("C1"));
  ASSERT_EQ(dossier.status, 200) << dossier;
  EXPECT_EQ(dossier.Header("Content-Type"), "application/pdf");
  EXPECT_EQ(dossier.body.rfind("%PDF-", 0), 0u);
  EXPECT_EQ(
      api.Send("GET", ServedApi::CandidaturePath("C1") + "/dossier.pdf", api.Candidat("C2")).status,
      403);
}

// ---------------------------------------------------------------------------
// Operations

TEST(HttpRoutes, HealthzAnswersWithoutAToken) {
  ServedApi api;
  HttpReply reply = api.Send("GET", "/healthz", "");
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.Json()->getValue<std::string>("status"), "ok");
}

TEST(HttpRoutes, ReadyzNeedsALiveWorker) {
  ServedApi api;
  HttpReply alone = api.Send("GET", "/readyz", "");
  EXPECT_EQ(alone.status, 503) << alone;
  EXPECT_EQ(alone.Header("Retry-After"), "30");
  Object::Ptr body = alone.Json();
  EXPECT_FALSE(body->getValue<bool>("ready"));
  EXPECT_TRUE(body->getObject("checks")->getObject("database")->getValue<bool>("ok"));
  EXPECT_FALSE(body->getObject("checks")->getObject("workers")->getValue<bool>("ok"));
  EXPECT_EQ(body->getArray("failed")->getElement<std::string>(0), "workers");

  api.Exec(
      "INSERT INTO worker (id, role, host, pid, started_at, last_seen) VALUES "
      "('h:1:a', 'worker', 'h', 1, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))");
  HttpReply ready = api.Send("GET", "/readyz", "");
  EXPECT_EQ(ready.status, 200) << ready;
  EXPECT_TRUE(ready.Json()->getValue<bool>("ready"));
  EXPECT_EQ(ready.Json()->getObject("checks")->getObject("workers")->getValue<int>("alive"), 1);
}

TEST(HttpRoutes, ReadyzSaysSaturatedAboveTheQueueBoundWhileUploadsGoOn) {
  ServerSettings settings;
  settings.queue_bound = 0;
  ServedApi api(settings);
  api.Exec(
      "INSERT INTO worker (id, role, host, pid, started_at, last_seen) VALUES "
      "('h:1:a', 'worker', 'h', 1, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))");
  ASSERT_EQ(api.PutCandidature("C1", kTwoPieces).status, 201);
  ASSERT_EQ(api.Upload("C1", "cv", {Pdf("cv.pdf", "CV")}, api.Candidat("C1")).status, 202);
  HttpReply saturated = api.Send("GET", "/readyz", "");
  EXPECT_EQ(saturated.status, 503) << saturated;
  Object::Ptr queue = saturated.Json()->getObject("checks")->getObject("queue");
  EXPECT_EQ(queue->getValue<std::string>("state"), "saturated");
  EXPECT_EQ(queue->getValue<int>("depth"), 1);
  EXPECT_EQ(api.Upload("C1", "releve_bac", {Jpeg("bac.jpg")}, api.Candidat("C1")).status, 202);
}

// name{labels} value, as the Prometheus text format 0.0.4 has it.
std::map<std::string, std::string> ParsePrometheus(const std::string& text) {
  static const std::regex kSample(
      R"(^([a-zA-Z_:][a-zA-Z0-9_:]*(\{[a-zA-Z_][a-zA-Z0-9_]*="[^"]*"(,[a-zA-Z_][a-zA-Z0-9_]*="[^"]*")*\})?) (-?[0-9.eE+-]+|\+Inf|NaN)$)");
  static const std::regex kComment(R"(^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .+$)");
  std::map<std::string, std::string> samples;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    std::smatch match;
    if (std::regex_match(line, match, kSample))
      samples[match[1]] = match[4];
    else
      EXPECT_TRUE(std::regex_match(line, kComment)) << "not Prometheus text: " << line;
  }
  return samples;
}

TEST(HttpRoutes, MetricsAreValidPrometheusTextComputedFromTheDatabase) {
  ServedApi api;
  ASSERT_EQ(api.PutCandidature("C1", kTwoPieces).status, 201);
  HttpReply upload = api.Upload("C1", "cv", {Pdf("cv.pdf", "CV")}, api.Candidat("C1"));
  ASSERT_EQ(upload.status, 202) << upload;
  FinishJob(api, "accepted", 3500, fixtures::BornDigitalPdf({{"CV"}}));
  ASSERT_EQ(api.Upload("C1", "releve_bac", {Jpeg("bac.jpg")}, api.Candidat("C1")).status, 202);
  api.Send("GET", "/api/v1/nothing", "");  // a 404 for the request counter

  HttpReply metrics = api.Send("GET", "/metrics", "");
  ASSERT_EQ(metrics.status, 200);
  EXPECT_EQ(metrics.Header("Content-Type").rfind("text/plain; version=0.0.4", 0), 0u);
  std::map<std::string, std::string> samples = ParsePrometheus(metrics.body);
  std::string bytes = api.db().Scalar("SELECT SUM(size_bytes) FROM fichier");
  EXPECT_EQ(samples["dossier_uploads_total"], "2");
  EXPECT_EQ(samples["dossier_upload_bytes_total"], bytes);
  EXPECT_EQ(samples["dossier_queue_depth{state=\"queued\"}"], "1");
  EXPECT_EQ(samples["dossier_queue_depth{state=\"running\"}"], "0");
  EXPECT_EQ(samples["dossier_jobs_total{state=\"done\"}"], "1");
  EXPECT_EQ(samples["dossier_job_latency_seconds_bucket{le=\"2\"}"], "0");
  EXPECT_EQ(samples["dossier_job_latency_seconds_bucket{le=\"5\"}"], "1");
  EXPECT_EQ(samples["dossier_job_latency_seconds_bucket{le=\"+Inf\"}"], "1");
  EXPECT_EQ(samples["dossier_job_latency_seconds_sum"], "3.5");
  EXPECT_EQ(samples["dossier_job_latency_seconds_count"], "1");
  EXPECT_EQ(samples["dossier_verdicts_total{outcome=\"accepted\"}"], "1");
  EXPECT_EQ(samples["dossier_verdicts_total{outcome=\"refused\"}"], "0");
  EXPECT_EQ(samples["dossier_ine_verdicts_total{verdict=\"conforme\"}"], "1");
  EXPECT_EQ(samples["dossier_workers_alive"], "0");
  EXPECT_EQ(samples["dossier_worker_restarts_total"], "0");
  EXPECT_NE(samples["dossier_http_requests_total{code=\"4xx\"}"], "0");
  EXPECT_NE(samples.count("dossier_http_requests_total{code=\"2xx\"}"), 0u);
  EXPECT_NE(metrics.body.find("# TYPE dossier_job_latency_seconds histogram"), std::string::npos);
}

TEST(HttpRoutes, AnUnreachableDatabaseIs503WithRetryAfterNotACrash) {
  ServedApi api;  // for its tokens' secret and a reachable schema to compare with
  test::TestDatabase& db = api.db();
  DatabaseUrl nowhere = db.url();
  nowhere.socket = "/nonexistent/dossier-test.sock";
  nowhere.host = "localhost";
  ConnectionPool broken(nowhere, 2);
  testing::TempDir dir;
  BlobStore store(dir.path());
  ServerSettings settings;
  settings.port = 0;
  HttpService service(settings, broken, store, "another-secret", PiecePolicy::BuiltIn());
  service.Start();
  AccessGrant admin{TokenRole::Admin, "", static_cast<std::int64_t>(std::time(nullptr)) + 60};
  auto get = [&](const std::string& uri, bool with_token) {
    Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(service.port()));
    Poco::Net::HTTPRequest request("GET", uri, Poco::Net::HTTPMessage::HTTP_1_1);
    if (with_token) request.set("Authorization", "Bearer " + MintToken(admin, "another-secret"));
    session.sendRequest(request);
    Poco::Net::HTTPResponse response;
    return ServedApi::Read(session, response);
  };
  HttpReply reply = get("/api/v1/candidatures/C1", true);
  EXPECT_EQ(reply.status, 503) << reply;
  EXPECT_EQ(reply.Error(), "database_unavailable");
  EXPECT_FALSE(reply.Header("Retry-After").empty());
  HttpReply ready = get("/readyz", false);
  EXPECT_EQ(ready.status, 503) << ready;
  EXPECT_FALSE(ready.Json()->getObject("checks")->getObject("database")->getValue<bool>("ok"));
  EXPECT_EQ(get("/healthz", false).status, 200);  // the process itself is fine
  service.Stop();
}

}  // namespace
}  // namespace dossier
