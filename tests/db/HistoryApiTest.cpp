// GET /api/v1/candidatures/{id}/history: who decided what, written in the
// transaction of each change. A candidature's whole journey through the
// real API over a real socket (creation, multipart uploads of real PDFs,
// pre-check results through the queue's own code, transmission, decisions
// by a named gestionnaire, status changes), then its history line by line;
// and `dossier token --sub` through the built binary against a service that
// shares its secret.
#include <Poco/JSON/Array.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <gtest/gtest.h>

#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "core/messages/CandidateMessages.h"
#include "core/messages/HistoryMessages.h"
#include "server/auth/TokenSecret.h"
#include "store/db/ConnectionPool.h"
#include "tests/db/ServedApi.h"
#include "tests/fixtures/BornDigitalPdf.h"
#include "tests/support/Oracles.h"
#include "workers/queue/ClaimJob.h"
#include "workers/queue/CompleteJob.h"
#include "workers/queue/FailJob.h"

namespace dossier {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;
using test::Reply;
using test::ServedApi;

ServerSettings Settings() {
  ServerSettings settings;
  settings.upload.min_free_bytes = 0;
  return settings;
}

std::string Path(const std::string& id, const std::string& rest = "") {
  return "/api/v1/candidatures/" + id + rest;
}

// Real PDFs, sent as the candidate page sends them: multipart/form-data.
Reply Upload(ServedApi& api, const std::string& id, const std::string& code,
             const std::vector<std::string>& names, const std::string& token) {
  std::vector<std::pair<std::string, std::string>> files;
  for (const std::string& name : names)
    files.emplace_back(name,
                       fixtures::BornDigitalPdf({{name, "Nom : Martin", "Prénom : Camille"}}));
  return api.Upload(id, code, files, token);
}

// What a worker does once the pipeline concluded: claims the oldest job
// and completes it with this report (the queue's own code path).
void Precheck(ServedApi& api, const std::string& code, bool accepted, const std::string& message) {
  PooledConnection connection = api.db().pool().Acquire();
  std::optional<ClaimedJob> job = ClaimJob(*connection, "test:1:aa", WorkerSettings()).job;
  ASSERT_TRUE(job);
  ASSERT_EQ(job->piece_code, code);
  PrecheckResult result;
  result.report.accepted = accepted;
  result.report.message = message;
  if (accepted) {
    result.output_key = api.store().NewKey("results");
    api.store().WriteDurably(result.output_key, fixtures::BornDigitalPdf({{"Traité"}}));
  } else {
    result.report.reason = RefusalReason::Size;
  }
  ASSERT_EQ(CompleteJob(*connection, *job, result), Completion::Completed);
}

Array::Ptr Entries(ServedApi& api, const std::string& id) {
  Reply reply = api.Get(Path(id, "/history"), api.Gestionnaire());
  EXPECT_EQ(reply.status, 200) << reply;
  Object::Ptr body = reply.Json();
  EXPECT_EQ(body->optValue<std::string>("id", ""), id);
  Array::Ptr entries = body->getArray("entries");
  if (!entries) ADD_FAILURE() << "no entries: " << reply;
  return entries ? entries : Array::Ptr(new Array);
}

// A member as text, "null" for JSON null (absent is a failure).
std::string Field(const Object::Ptr& entry, const std::string& name) {
  if (!entry->has(name)) {
    ADD_FAILURE() << "no member " << name;
    return "absent";
  }
  return entry->isNull(name) ? "null" : entry->getValue<std::string>(name);
}

// One line as "by kind piece old>new comment", to compare whole histories.
std::string Line(const Object::Ptr& entry) {
  return Field(entry, "by") + " " + Field(entry, "kind") + " " + Field(entry, "piece") + " " +
         Field(entry, "old_status") + ">" + Field(entry, "new_status") + " " +
         Field(entry, "comment");
}

std::vector<std::string> Lines(const Array::Ptr& entries) {
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < entries->size(); ++i) lines.push_back(Line(entries->getObject(i)));
  return lines;
}

const char kCandidature[] =
    R"({"formation": "Licence Informatique", "email": "camille@example.org",
        "pieces": [{"code": "cv"}, {"code": "releve_bac"},
                   {"code": "complementaires", "mandatory": false}]})";

TEST(HistoryApi, ACandidaturesJourneyIsRecordedInOrderWithWhoDidIt) {
  ServedApi api(Settings());
  ASSERT_EQ(api.Send("PUT", Path("C1"), api.Admin(), kCandidature).status, 201);
  // A second PUT (eCandidat's update) creates nothing: no line.
  ASSERT_EQ(api.Send("PUT", Path("C1"), api.Admin(), kCandidature).status, 200);
  std::string candidat = api.Candidat("C1");
  ASSERT_EQ(Upload(api, "C1", "cv", {"cv.pdf", "annexe.pdf"}, candidat).status, 202);
  ASSERT_EQ(Upload(api, "C1", "releve_bac", {"bac.pdf"}, candidat).status, 202);
  Precheck(api, "cv", true, "Pièce acceptée : 2 pages, 40 ko.");
  Precheck(api, "releve_bac", false, "Le fichier dépasse la taille permise.");
  ASSERT_EQ(Upload(api, "C1", "releve_bac", {"bac-v2.pdf"}, candidat).status, 202);
  Precheck(api, "releve_bac", true, "Pièce acceptée : 1 page, 20 ko.");
  ASSERT_EQ(api.Send("POST", Path("C1", "/pieces/complementaires/non-concerne"), candidat).status,
            200);
  ASSERT_EQ(api.Send("POST", Path("C1", "/transmit"), candidat).status, 200);
  std::string jdupont = api.Gestionnaire("jdupont");
  ASSERT_EQ(
      api.Send("POST", Path("C1", "/pieces/releve_bac/decision"), jdupont, R"({"status": "VA"})")
          .status,
      200);
  ASSERT_EQ(api.Send("POST", Path("C1", "/pieces/cv/decision"), jdupont,
                     R"({"status": "RE", "comment": "Il manque la page 2."})")
                .status,
            200);
  ASSERT_EQ(api.Status("C1"), "IN");
  ASSERT_EQ(api.Send("POST", Path("C1", "/status"), api.Gestionnaire(),
                     R"({"status": "IN", "comment": "Déjà incomplet."})")
                .status,
            200);  // no change: no line
  ASSERT_EQ(Upload(api, "C1", "cv", {"cv-complet.pdf"}, candidat).status, 202);
  ASSERT_EQ(api.Send("POST", Path("C1", "/transmit"), candidat).status, 200);
  ASSERT_EQ(api.Send("POST", Path("C1", "/status"), api.Token(TokenRole::Admin, "", "secretariat"),
                     R"({"status": "IN", "comment": "Le CV doit être signé."})")
                .status,
            200);

  Array::Ptr entries = Entries(api, "C1");
  EXPECT_EQ(Lines(entries),
            (std::vector<std::string>{
                "admin creation null null>AT null",
                "candidat upload cv AT>TR cv.pdf, annexe.pdf",
                "candidat upload releve_bac AT>TR bac.pdf",
                "controle precheck cv null>null Pièce acceptée : 2 pages, 40 ko.",
                "controle precheck releve_bac TR>RE Le fichier dépasse la taille permise.",
                "candidat upload releve_bac RE>TR bac-v2.pdf",
                "controle precheck releve_bac null>null Pièce acceptée : 1 page, 20 ko.",
                "candidat non_concerne complementaires AT>NC null",
                "candidat transmission null AT>RE null",
                "jdupont decision releve_bac TR>VA null",
                "jdupont decision cv TR>RE Il manque la page 2.",
                "jdupont status null RE>IN null",
                "candidat upload cv RE>TR cv-complet.pdf",
                "candidat transmission null IN>RE null",
                "secretariat status null RE>IN Le CV doit être signé.",
            }));
  // Labels: the pièce's, and the statuses' in French, the pièce's or the
  // candidature's ("RE" is « Refusée » for one, « Réceptionné » for the other).
  ASSERT_EQ(entries->size(), 15u);
  Object::Ptr refused = entries->getObject(10);
  EXPECT_EQ(Field(refused, "piece_label"), "CV");
  EXPECT_EQ(Field(refused, "old_status_label"), "Transmise");
  EXPECT_EQ(Field(refused, "new_status_label"), "Refusée");
  Object::Ptr transmitted = entries->getObject(8);
  EXPECT_EQ(Field(transmitted, "piece_label"), "null");
  EXPECT_EQ(Field(transmitted, "old_status_label"), "En attente");
  EXPECT_EQ(Field(transmitted, "new_status_label"), "Réceptionné");
  EXPECT_EQ(Field(entries->getObject(3), "old_status_label"), "null");
  EXPECT_EQ(Field(entries->getObject(2), "piece_label"), "Relevé de notes du baccalauréat");
  // Dated to the millisecond in UTC, never going back.
  std::string previous;
  for (std::size_t i = 0; i < entries->size(); ++i) {
    std::string at = Field(entries->getObject(i), "at");
    EXPECT_TRUE(std::regex_match(at, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)")))
        << at;
    EXPECT_GE(at, previous);
    previous = at;
  }
}

// A pre-check the workers gave up on is a line too, by the automatic check,
// with the sentence the candidate reads; the pièce keeps its status.
TEST(HistoryApi, AnUnprocessablePieceIsRecordedByTheControl) {
  ServedApi api(Settings());
  ASSERT_EQ(api.Send("PUT", Path("C1"), api.Admin(), kCandidature).status, 201);
  ASSERT_EQ(Upload(api, "C1", "cv", {"cv.pdf"}, api.Candidat("C1")).status, 202);
  WorkerSettings settings;
  settings.max_attempts = 1;
  {
    PooledConnection connection = api.db().pool().Acquire();
    std::optional<ClaimedJob> job = ClaimJob(*connection, "test:1:aa", settings).job;
    ASSERT_TRUE(job);
    ASSERT_EQ(FailJob(*connection, *job, "crashed", "the child crashed", settings),
              FailureHandling::Poisoned);
  }
  std::vector<std::string> lines = Lines(Entries(api, "C1"));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[2], "controle precheck cv null>null " + UnprocessableMessage());
}

// The admin may upload in the candidate's stead: the line names the admin.
TEST(HistoryApi, AnAdminsUploadIsRecordedUnderItsHolder) {
  ServedApi api(Settings());
  ASSERT_EQ(api.Send("PUT", Path("C1"), api.Admin(), kCandidature).status, 201);
  ASSERT_EQ(Upload(api, "C1", "cv", {"cv.pdf"}, api.Token(TokenRole::Admin, "", "scol.l1")).status,
            202);
  ASSERT_EQ(Upload(api, "C1", "releve_bac", {"bac.pdf"}, api.Admin()).status, 202);
  EXPECT_EQ(Lines(Entries(api, "C1")), (std::vector<std::string>{
                                           "admin creation null null>AT null",
                                           "scol.l1 upload cv AT>TR cv.pdf",
                                           "admin upload releve_bac AT>TR bac.pdf",
                                       }));
}

TEST(HistoryApi, AnUnknownCandidatureIs404AndACandidatMayNotRead) {
  ServedApi api(Settings());
  Reply unknown = api.Get(Path("nobody", "/history"), api.Gestionnaire());
  EXPECT_EQ(unknown.status, 404) << unknown;
  EXPECT_EQ(unknown.Error(), "not_found");
  ASSERT_EQ(api.Send("PUT", Path("C1"), api.Admin(), kCandidature).status, 201);
  Reply candidat = api.Get(Path("C1", "/history"), api.Candidat("C1"));
  EXPECT_EQ(candidat.status, 403) << candidat;
  EXPECT_EQ(candidat.Error(), "forbidden");
  EXPECT_EQ(api.Get(Path("C1", "/history"), "").status, 401);
  EXPECT_EQ(api.Get(Path("C1", "/history"), api.Admin()).status, 200);
}

// A failed change writes no line: the history is written in its transaction.
TEST(HistoryApi, ARefusedChangeLeavesNoLine) {
  ServedApi api(Settings());
  ASSERT_EQ(api.Send("PUT", Path("C1"), api.Admin(), kCandidature).status, 201);
  EXPECT_EQ(api.Send("POST", Path("C1", "/transmit"), api.Candidat("C1")).status, 409);
  EXPECT_EQ(api.Send("POST", Path("C1", "/pieces/cv/decision"), api.Gestionnaire("jdupont"),
                     R"({"status": "VA"})")
                .status,
            409);
  EXPECT_EQ(Lines(Entries(api, "C1")),
            (std::vector<std::string>{"admin creation null null>AT null"}));
}

// `dossier token --sub`: the token the command prints opens the service
// that shares its data directory's secret, and the decisions taken with it
// are recorded under that login.
TEST(HistoryApi, ATokenMintedWithSubRecordsItsHolder) {
  ServedApi api(Settings());
  testing::TempDir data;
  ServerSettings settings = Settings();
  settings.port = 0;
  settings.threads = 4;
  HttpService service(settings, api.db().pool(), api.store(), LoadOrCreateTokenSecret(data.path()),
                      PiecePolicy::BuiltIn());
  service.Start();
  auto mint = [&](const std::string& flags) {
    testing::CommandResult minted = testing::RunCommand(
        testing::BuiltBinary("dossier") + " token " + flags + " --data-dir " + data.path());
    EXPECT_EQ(minted.exit_code, 0) << minted.out;
    return minted.out.substr(0, minted.out.find('\n'));
  };
  std::string admin = mint("--role admin --sub scol.l1");
  std::string gestionnaire = mint("--role gestionnaire --sub jdupont");
  auto post = [&](const std::string& uri, const std::string& token, const std::string& body) {
    return test::SendTo(service.port(), "POST", uri, token, body);
  };
  ASSERT_EQ(test::SendTo(service.port(), "PUT", Path("C1"), admin, kCandidature).status, 201);
  api.Version("C1", "cv", 1, "accepted");
  api.Version("C1", "releve_bac", 1, "accepted", "conforme");
  api.SetStatuses("C1", "RE", {{"complementaires", "NC"}});
  Reply decided = post(Path("C1", "/pieces/cv/decision"), gestionnaire, R"({"status": "VA"})");
  ASSERT_EQ(decided.status, 200) << decided;
  Reply bulk = post(Path("C1", "/decisions"), gestionnaire, R"({"validate": "conformes"})");
  ASSERT_EQ(bulk.status, 200) << bulk;
  // The service of the other secret refuses it.
  EXPECT_EQ(api.Get(Path("C1", "/history"), gestionnaire).status, 401);
  EXPECT_EQ(Lines(Entries(api, "C1")),
            (std::vector<std::string>{
                "scol.l1 creation null null>AT null",
                "jdupont decision cv TR>VA null",
                "jdupont decision releve_bac TR>VA " + messages::ValidatedAsConforme(),
                "jdupont status null RE>CO null",
            }));
  service.Stop();
}

}  // namespace
}  // namespace dossier
