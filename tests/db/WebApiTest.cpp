// The API routes the web pages brought: the gestionnaire's work list with
// its flags and filters, the candidature status set by hand, and the
// preview of a processed pièce. An HttpService on a free port, a fresh
// database, real requests over a real socket.
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

#include <algorithm>
#include <ctime>
#include <map>
#include <memory>

#include "server/HttpService.h"
#include "server/auth/AccessToken.h"
#include "store/blobs/BlobStore.h"
#include "tests/db/ServedApi.h"
#include "tests/db/TestDatabase.h"
#include "tests/support/Oracles.h"
#include "workflow/policy/PiecePolicy.h"
#include "workflow/policy/PieceTypesTable.h"

namespace dossier {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

using test::Reply;
using test::ServedApi;
using test::Strings;

// id -> item of the work list
std::map<std::string, Object::Ptr> ById(const Array::Ptr& list) {
  std::map<std::string, Object::Ptr> items;
  for (std::size_t i = 0; i < list->size(); ++i)
    items[list->getObject(i)->getValue<std::string>("id")] = list->getObject(i);
  return items;
}

// The work list's items: {"total", "limit", "offset", "formations", "items"}.
Array::Ptr Items(const Reply& reply) {
  Array::Ptr items = reply.Json()->getArray("items");
  if (!items) ADD_FAILURE() << "no items: " << reply;
  return items ? items : Array::Ptr(new Array);
}

std::vector<std::string> Ids(const Reply& reply) {
  std::vector<std::string> ids;
  Array::Ptr list = Items(reply);
  for (std::size_t i = 0; i < list->size(); ++i)
    ids.push_back(list->getObject(i)->getValue<std::string>("id"));
  return ids;
}

using Codes = std::vector<std::string>;

// ---------------------------------------------------------------------------
// The work list

// Four candidatures, each with what the pre-checks found:
//   A: releve_bac read a different INE; cv refused by the control (size)
//   B: releve_bac illegible, in its current version
//   C: releve_bac said `different` in version 1, replaced by a clean
//      version 2: nothing to flag; cv unprocessable
//   D: nothing uploaded
void SeedWorkList(ServedApi& api) {
  for (const char* id : {"A", "B", "C", "D"}) api.Create(id, {"releve_bac", "cv"});
  api.Version("A", "releve_bac", 1, "accepted", "different");
  api.Version("A", "cv", 1, "refused");
  api.Version("B", "releve_bac", 1, "accepted", "illisible");
  api.Version("C", "releve_bac", 1, "accepted", "different");
  api.Version("C", "releve_bac", 2, "accepted", "conforme");
  api.Version("C", "cv", 1, "unprocessable");
  api.SetStatuses("A", "RE", {});
  api.SetStatuses("B", "RE", {{"cv", "VA"}});
  api.SetStatuses("C", "IN", {});
  // Oldest change first: D, C, B, A.
  int minutes = 40;
  for (const char* id : {"D", "C", "B", "A"}) {
    api.Exec("UPDATE candidature SET updated_at = UTC_TIMESTAMP(3) - INTERVAL " +
             std::to_string(minutes) + " MINUTE WHERE id = '" + id + "'");
    minutes -= 10;
  }
}

TEST(WebApi, TheWorkListFlagsWhatThePrechecksOfCurrentVersionsFound) {
  ServedApi api;
  SeedWorkList(api);
  Reply reply = api.Get("/api/v1/candidatures", api.Gestionnaire());
  ASSERT_EQ(reply.status, 200) << reply;
  EXPECT_EQ(Ids(reply), (Codes{"D", "C", "B", "A"}));
  EXPECT_EQ(reply.Json()->getValue<int>("total"), 4);
  std::map<std::string, Object::Ptr> items = ById(Items(reply));
  EXPECT_EQ(Strings(items["A"]->getArray("flags")), (Codes{"ine_different", "refusee_controle"}));
  EXPECT_EQ(Strings(items["B"]->getArray("flags")), (Codes{"ine_illisible"}));
  EXPECT_EQ(Strings(items["C"]->getArray("flags")), (Codes{"unprocessable"}));
  EXPECT_EQ(Strings(items["D"]->getArray("flags")), Codes{});
  for (const char* id : {"A", "B", "C", "D"}) {
    EXPECT_EQ(items[id]->getValue<int>("pieces"), 2) << id;
    EXPECT_EQ(items[id]->getValue<std::string>("formation"), "Licence Informatique") << id;
  }
  EXPECT_EQ(items["A"]->getValue<int>("pieces_to_check"), 2);
  EXPECT_EQ(items["B"]->getValue<int>("pieces_to_check"), 1);  // cv validated
  EXPECT_EQ(items["D"]->getValue<int>("pieces_to_check"), 0);
  EXPECT_EQ(items["C"]->getValue<std::string>("status_label"), "Incomplet");
}

TEST(WebApi, TheWorkListFiltersByFlagAndStatusTogether) {
  ServedApi api;
  SeedWorkList(api);
  std::string token = api.Gestionnaire();
  EXPECT_EQ(Ids(api.Get("/api/v1/candidatures?flag=ine_different", token)), Codes{"A"});
  EXPECT_EQ(Ids(api.Get("/api/v1/candidatures?flag=ine_illisible", token)), Codes{"B"});
  EXPECT_EQ(Ids(api.Get("/api/v1/candidatures?flag=refusee_controle", token)), Codes{"A"});
  EXPECT_EQ(Ids(api.Get("/api/v1/candidatures?flag=unprocessable", token)), Codes{"C"});
  EXPECT_EQ(Ids(api.Get("/api/v1/candidatures?status=RE", token)), (Codes{"B", "A"}));
  EXPECT_EQ(Ids(api.Get("/api/v1/candidatures?status=RE&flag=ine_illisible", token)), Codes{"B"});
  EXPECT_EQ(Ids(api.Get("/api/v1/candidatures?status=IN&flag=ine_illisible", token)), Codes{});
  EXPECT_EQ(Ids(api.Get("/api/v1/candidatures?status=&flag=", api.Admin())).size(), 4u);
}

// E: its cv's scripts were removed; F: its signed attestation keeps its
// scripts; G: reports that found nothing; H: a report written before the
// reports listed active content; I: a CV whose web links were made inert.
TEST(WebApi, TheWorkListFlagsActiveContentRemovedOrKept) {
  ServedApi api;
  const std::map<std::string, std::string> reports = {
      {"E", R"({"active_content_removed":["javascript","link"],"active_content_kept":[]})"},
      {"F", R"({"active_content_removed":[],"active_content_kept":["javascript"]})"},
      {"G", R"({"active_content_removed":[],"active_content_kept":[]})"},
      {"H", R"({"status":"accepted"})"},
      {"I", R"({"active_content_removed":["link"],"active_content_kept":[]})"}};
  for (const auto& [id, report] : reports) {
    api.Create(id, {"cv"});
    api.Version(id, "cv", 1, "accepted");
    api.Exec(
        "UPDATE precheck pc JOIN piece_version v ON v.id = pc.piece_version_id SET "
        "pc.report = '" +
        report + "' WHERE v.candidature_id = '" + id + "'");
  }
  std::string token = api.Gestionnaire();
  std::map<std::string, Object::Ptr> items = ById(Items(api.Get("/api/v1/candidatures", token)));
  EXPECT_EQ(Strings(items["E"]->getArray("flags")), Codes{"contenu_actif"});
  EXPECT_EQ(Strings(items["F"]->getArray("flags")), Codes{"contenu_actif"});
  EXPECT_EQ(Strings(items["G"]->getArray("flags")), Codes{});
  EXPECT_EQ(Strings(items["H"]->getArray("flags")), Codes{});
  EXPECT_EQ(Strings(items["I"]->getArray("flags")), Codes{});  // links alone: most CVs
  std::vector<std::string> flagged = Ids(api.Get("/api/v1/candidatures?flag=contenu_actif", token));
  std::sort(flagged.begin(), flagged.end());
  EXPECT_EQ(flagged, (Codes{"E", "F"}));
}

TEST(WebApi, TheWorkListRefusesUnknownFiltersAndCandidats) {
  ServedApi api;
  SeedWorkList(api);
  Reply flag = api.Get("/api/v1/candidatures?flag=suspect", api.Gestionnaire());
  EXPECT_EQ(flag.status, 400) << flag;
  EXPECT_EQ(flag.Error(), "invalid_flag");
  EXPECT_NE(flag.Json()->getValue<std::string>("message").find("« suspect »"), std::string::npos);
  Reply status = api.Get("/api/v1/candidatures?status=XX&flag=unprocessable", api.Gestionnaire());
  EXPECT_EQ(status.status, 400) << status;
  EXPECT_EQ(status.Error(), "invalid_status");
  EXPECT_EQ(api.Get("/api/v1/candidatures?flag=unprocessable", api.Candidat("C")).status, 403);
}

// ---------------------------------------------------------------------------
// The candidature status set by hand

std::string StatusPath(const std::string& id) {
  return "/api/v1/candidatures/" + id + "/status";
}

TEST(WebApi, CompleteNeedsEveryPieceValidatedOrNotConcerned) {
  ServedApi api;
  api.Create("C1", {"releve_bac", "cv", "complementaires"});
  api.SetStatuses("C1", "RE", {{"releve_bac", "VA"}, {"cv", "TR"}, {"complementaires", "RE"}});
  Reply refused = api.Send("POST", StatusPath("C1"), api.Gestionnaire(), R"({"status": "CO"})");
  EXPECT_EQ(refused.status, 409) << refused;
  EXPECT_EQ(refused.Error(), "pieces_not_validated");
  EXPECT_EQ(Strings(refused.Json()->getArray("pieces")), (Codes{"cv", "complementaires"}));
  std::string message = refused.Json()->getValue<std::string>("message");
  EXPECT_NE(message.find("« CV » et « Pièces complémentaires »"), std::string::npos) << message;
  EXPECT_EQ(api.Status("C1"), "RE");
  EXPECT_EQ(api.Outbox("C1"), 0);

  api.SetStatuses("C1", "RE", {{"cv", "VA"}, {"complementaires", "NC"}});
  Reply complete =
      api.Send("POST", StatusPath("C1"), api.Gestionnaire(),
               R"({"status": "CO", "comment": "Dossier examiné en commission le 12 mai."})");
  ASSERT_EQ(complete.status, 200) << complete;
  EXPECT_EQ(complete.Json()->getValue<std::string>("status"), "CO");
  EXPECT_EQ(complete.Json()->getValue<std::string>("status_label"), "Complet");
  EXPECT_EQ(complete.Json()->getArray("pieces")->size(), 3u);  // the candidature body
  EXPECT_EQ(api.Status("C1"), "CO");
  EXPECT_EQ(api.Outbox("C1"), 1);
  std::string mail = api.LastMail("C1");
  std::size_t comment = mail.find("Dossier examiné en commission le 12 mai.");
  EXPECT_NE(comment, std::string::npos) << mail;
  EXPECT_LT(comment, mail.find("Cordialement")) << mail;
  EXPECT_NE(mail.find("« Complet »"), std::string::npos) << mail;
}

TEST(WebApi, IncompleteFromReceivedOrCompleteTellsTheCandidate) {
  ServedApi api;
  api.Create("C1", {"releve_bac", "cv"});
  api.SetStatuses("C1", "CO", {{"releve_bac", "VA"}, {"cv", "VA"}});
  Reply reply = api.Send("POST", StatusPath("C1"), api.Admin(),
                         R"({"status": "IN", "comment": "Le relevé est celui de 2022."})");
  ASSERT_EQ(reply.status, 200) << reply;
  EXPECT_EQ(reply.Json()->getValue<std::string>("status"), "IN");
  EXPECT_EQ(api.Outbox("C1"), 1);
  std::string mail = api.LastMail("C1");
  EXPECT_NE(mail.find("« Incomplet »"), std::string::npos) << mail;
  EXPECT_NE(mail.find("Le relevé est celui de 2022."), std::string::npos) << mail;

  api.Create("C2", {"cv"});
  api.SetStatuses("C2", "RE", {{"cv", "RE"}});
  api.Exec("UPDATE pj_cand SET comment = 'Illisible' WHERE candidature_id = 'C2'");
  ASSERT_EQ(api.Send("POST", StatusPath("C2"), api.Gestionnaire(), R"({"status": "IN"})").status,
            200);
  EXPECT_EQ(api.Status("C2"), "IN");
  std::string refused_mail = api.LastMail("C2");
  EXPECT_NE(refused_mail.find("CV : Illisible"), std::string::npos) << refused_mail;
  EXPECT_EQ(refused_mail.find("Message du gestionnaire"), std::string::npos) << refused_mail;
}

TEST(WebApi, TheSameStatusAgainChangesNothing) {
  ServedApi api;
  api.Create("C1", {"cv"});
  api.SetStatuses("C1", "IN", {{"cv", "RE"}});
  api.Exec("UPDATE candidature SET updated_at = '2024-05-01 10:00:00' WHERE id = 'C1'");
  Reply again = api.Send("POST", StatusPath("C1"), api.Gestionnaire(), R"({"status": "IN"})");
  ASSERT_EQ(again.status, 200) << again;
  EXPECT_EQ(again.Json()->getValue<std::string>("status"), "IN");
  EXPECT_EQ(api.Outbox("C1"), 0);
  EXPECT_EQ(api.db().Scalar("SELECT updated_at FROM candidature"), "2024-05-01 10:00:00.000");

  api.SetStatuses("C1", "CO", {{"cv", "VA"}});
  EXPECT_EQ(api.Send("POST", StatusPath("C1"), api.Gestionnaire(), R"({"status": "CO"})").status,
            200);
  EXPECT_EQ(api.Outbox("C1"), 0);
}

TEST(WebApi, ANotTransmittedCandidatureCannotBeDecided) {
  ServedApi api;
  api.Create("C1", {"cv"});
  api.SetStatuses("C1", "AT", {{"cv", "VA"}});
  for (const char* status : {"CO", "IN"}) {
    Reply reply = api.Send("POST", StatusPath("C1"), api.Gestionnaire(),
                           std::string(R"({"status": ")") + status + "\"}");
    EXPECT_EQ(reply.status, 409) << status << ": " << reply;
    EXPECT_EQ(reply.Error(), "not_transmitted") << status;
  }
  EXPECT_EQ(api.Status("C1"), "AT");
  EXPECT_EQ(api.Outbox("C1"), 0);
}

TEST(WebApi, TheStatusRouteChecksItsCallerAndBody) {
  ServedApi api;
  api.Create("C1", {"cv"});
  api.SetStatuses("C1", "RE", {{"cv", "VA"}});
  struct Case {
    std::string token, id, body;
    int status;
    std::string error;
  };
  for (const Case& c : std::vector<Case>{
           {api.Candidat("C1"), "C1", R"({"status": "CO"})", 403, "forbidden"},
           {"", "C1", R"({"status": "CO"})", 401, "unauthorized"},
           {api.Gestionnaire(), "C1", R"({"status": "RE"})", 400, "invalid_status"},
           {api.Gestionnaire(), "C1", R"({"status": "AT"})", 400, "invalid_status"},
           {api.Gestionnaire(), "C1", R"({})", 400, "invalid_field"},
           {api.Gestionnaire(), "C1", R"({"status": "CO", "comment": 3})", 400, "invalid_field"},
           {api.Gestionnaire(), "nobody", R"({"status": "CO"})", 404, "not_found"}}) {
    Reply reply = api.Send("POST", StatusPath(c.id), c.token, c.body);
    EXPECT_EQ(reply.status, c.status) << c.body << ": " << reply;
    EXPECT_EQ(reply.Error(), c.error) << c.body;
  }
  EXPECT_EQ(api.Status("C1"), "RE");
  EXPECT_EQ(api.Outbox("C1"), 0);
}

// ---------------------------------------------------------------------------
// Previews

const std::string kJpeg = std::string("\xFF\xD8\xFF\xE0", 4) + "preview" + std::string(1, '\0');

std::string ThumbnailPath(const std::string& id, const std::string& code) {
  return "/api/v1/candidatures/" + id + "/pieces/" + code + "/thumbnail";
}

bool HasThumbnail(const Object::Ptr& candidature, const std::string& code) {
  Array::Ptr pieces = candidature->getArray("pieces");
  for (std::size_t i = 0; i < pieces->size(); ++i)
    if (pieces->getObject(i)->getValue<std::string>("code") == code)
      return pieces->getObject(i)->getValue<bool>("thumbnail");
  ADD_FAILURE() << "no pièce " << code;
  return false;
}

TEST(WebApi, ThePreviewOfTheCurrentVersionIsServedToWhoMayReadIt) {
  ServedApi api;
  api.Create("C1", {"releve_bac", "cv"});
  api.Create("C2", {"cv"});
  std::string key = api.store().NewKey("results");
  api.store().WriteDurably(key, kJpeg);
  api.Version("C1", "cv", 1, "accepted", "non_verifie", key);

  for (const std::string& token : {api.Candidat("C1"), api.Gestionnaire(), api.Admin()}) {
    Reply reply = api.Get(ThumbnailPath("C1", "cv"), token);
    ASSERT_EQ(reply.status, 200) << reply;
    EXPECT_EQ(reply.body, kJpeg);
    EXPECT_EQ(reply.Header("Content-Type"), "image/jpeg");
    EXPECT_EQ(reply.Header("Cache-Control"), "private, max-age=60");
  }
  Object::Ptr candidature = api.Get("/api/v1/candidatures/C1", api.Candidat("C1")).Json();
  EXPECT_TRUE(HasThumbnail(candidature, "cv"));
  EXPECT_FALSE(HasThumbnail(candidature, "releve_bac"));

  EXPECT_EQ(api.Get(ThumbnailPath("C1", "cv"), api.Candidat("C2")).status, 403);
  EXPECT_EQ(api.Get(ThumbnailPath("C1", "cv"), "").status, 401);
  Reply none = api.Get(ThumbnailPath("C1", "releve_bac"), api.Candidat("C1"));
  EXPECT_EQ(none.status, 404) << none;
  EXPECT_EQ(none.Error(), "not_found");
  EXPECT_EQ(api.Get(ThumbnailPath("C1", "identite"), api.Admin()).status, 404);
  EXPECT_EQ(api.Get(ThumbnailPath("C1", "a.b"), api.Admin()).status, 404);
}

TEST(WebApi, AReplacementHidesThePreviewOfTheVersionBefore) {
  ServedApi api;
  api.Create("C1", {"cv"});
  std::string key = api.store().NewKey("results");
  api.store().WriteDurably(key, kJpeg);
  api.Version("C1", "cv", 1, "accepted", "non_verifie", key);
  ASSERT_EQ(api.Get(ThumbnailPath("C1", "cv"), api.Candidat("C1")).status, 200);

  api.Version("C1", "cv", 2, "");  // uploaded, not processed yet
  EXPECT_EQ(api.Get(ThumbnailPath("C1", "cv"), api.Candidat("C1")).status, 404);
  EXPECT_FALSE(HasThumbnail(api.Get("/api/v1/candidatures/C1", api.Admin()).Json(), "cv"));

  api.Version("C1", "cv", 3, "refused");  // refused: no preview, whatever came before
  EXPECT_EQ(api.Get(ThumbnailPath("C1", "cv"), api.Candidat("C1")).status, 404);
}

TEST(WebApi, APreviewWhoseFileIsGoneIsNotFound) {
  ServedApi api;
  api.Create("C1", {"cv"});
  api.Version("C1", "cv", 1, "accepted", "non_verifie", api.store().NewKey("results"));
  Reply reply = api.Get(ThumbnailPath("C1", "cv"), api.Candidat("C1"));
  EXPECT_EQ(reply.status, 404) << reply;
  EXPECT_EQ(reply.Error(), "not_found");
}

}  // namespace
}  // namespace dossier
