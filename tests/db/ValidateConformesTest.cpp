// POST /api/v1/candidatures/{id}/decisions {"validate": "conformes"}: the
// pièces the pre-check accepted without réserve are validated in one
// transaction, the others wait for the gestionnaire; the candidature
// follows as after single decisions. A real HttpService, a fresh database,
// real requests over a real socket.
#include <Poco/JSON/Array.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/messages/HistoryMessages.h"
#include "tests/db/ServedApi.h"

namespace dossier {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;
using test::Reply;
using test::ServedApi;
using test::Strings;

const char kBulk[] = R"({"validate": "conformes"})";

std::string Path(const std::string& id, const std::string& rest = "") {
  return "/api/v1/candidatures/" + id + rest;
}

std::string PieceStatus(ServedApi& api, const std::string& id, const std::string& code) {
  return api.db().Scalar("SELECT status FROM pj_cand WHERE candidature_id = '" + id +
                         "' AND piece_code = '" + code + "'");
}

// Every kind of pièce, transmitted (candidature RE):
//   cv                 accepted, no INE check             -> validated
//   lettre_motivation  accepted, INE conforme             -> validated
//   releve_bac         accepted, INE different            -> waits
//   carte_etudiant     accepted, INE absent               -> waits
//   bulletins          refused by the pre-check (still TR) -> waits
//   identite           unprocessable                      -> waits
//   diplomes           accepted, active content removed   -> waits
//   complementaires    still being processed              -> waits
void SeedMix(ServedApi& api, const std::string& id) {
  api.Create(id, {"cv", "lettre_motivation", "releve_bac", "carte_etudiant", "bulletins",
                  "identite", "diplomes", "complementaires"});
  api.Version(id, "cv", 1, "accepted");
  api.Version(id, "lettre_motivation", 1, "accepted", "conforme");
  api.Version(id, "releve_bac", 1, "accepted", "different");
  api.Version(id, "carte_etudiant", 1, "accepted", "absent");
  api.Version(id, "bulletins", 1, "refused");
  api.Version(id, "identite", 1, "unprocessable");
  api.Version(id, "diplomes", 1, "accepted", "conforme");
  // The report of a PDF whose JavaScript was removed: the stored flag
  // (precheck.active_content) is computed from it.
  api.Exec(
      "UPDATE precheck pc JOIN piece_version v ON v.id = pc.piece_version_id "
      "SET pc.report = '{\"active_content_removed\": [\"javascript\", \"link\"]}' "
      "WHERE v.candidature_id = '" +
      id + "' AND v.piece_code = 'diplomes'");
  api.Version(id, "complementaires", 1, "");
  api.SetStatuses(id, "RE", {});
}

TEST(ValidateConformes, OnlyThePiecesAcceptedWithoutReserveAreValidated) {
  ServedApi api;
  SeedMix(api, "C1");
  ASSERT_EQ(api.db().Count("SELECT COUNT(*) FROM precheck WHERE active_content = 1"), 1);
  long long mails = api.Outbox("C1");
  Reply reply = api.Send("POST", Path("C1", "/decisions"), api.Gestionnaire("jdupont"), kBulk);
  ASSERT_EQ(reply.status, 200) << reply;
  Object::Ptr body = reply.Json();
  EXPECT_EQ(Strings(body->getArray("validated")),
            (std::vector<std::string>{"cv", "lettre_motivation"}));
  // The candidature JSON, as GET answers it.
  EXPECT_EQ(body->getValue<std::string>("id"), "C1");
  EXPECT_EQ(body->getValue<std::string>("status"), "RE");
  Array::Ptr pieces = body->getArray("pieces");
  ASSERT_TRUE(pieces);
  EXPECT_EQ(pieces->size(), 8u);
  EXPECT_EQ(pieces->getObject(0)->getValue<std::string>("status"), "VA");
  for (const char* code : {"cv", "lettre_motivation"})
    EXPECT_EQ(PieceStatus(api, "C1", code), "VA") << code;
  for (const char* code :
       {"releve_bac", "carte_etudiant", "bulletins", "identite", "diplomes", "complementaires"})
    EXPECT_EQ(PieceStatus(api, "C1", code), "TR") << code;
  // Not every pièce validated: the candidature stays, no mail.
  EXPECT_EQ(api.Status("C1"), "RE");
  EXPECT_EQ(api.Outbox("C1"), mails);
  // One line per pièce validated, by the token's holder.
  EXPECT_EQ(api.db().Count("SELECT COUNT(*) FROM historique WHERE candidature_id = 'C1' AND "
                           "kind = 'decision' AND actor = 'jdupont' AND old_status = 'TR' AND "
                           "new_status = 'VA' AND piece_code IN ('cv', 'lettre_motivation')"),
            2);
  EXPECT_EQ(api.db().Count("SELECT COUNT(*) FROM historique WHERE candidature_id = 'C1' AND "
                           "kind IN ('decision', 'status')"),
            2);
  // Again: nothing left to validate, nothing changes.
  Reply again = api.Send("POST", Path("C1", "/decisions"), api.Gestionnaire("jdupont"), kBulk);
  ASSERT_EQ(again.status, 200) << again;
  EXPECT_EQ(Strings(again.Json()->getArray("validated")), std::vector<std::string>{});
  EXPECT_EQ(api.db().Count("SELECT COUNT(*) FROM historique WHERE kind = 'decision'"), 2);
}

TEST(ValidateConformes, TheCandidatureIsCompleteWhenEveryPieceIsValidated) {
  ServedApi api;
  api.Create("C1", {"cv", "releve_bac", "complementaires"});
  api.Version("C1", "cv", 1, "accepted");
  api.Version("C1", "releve_bac", 1, "accepted", "conforme");
  api.SetStatuses("C1", "RE", {{"complementaires", "NC"}});
  long long mails = api.Outbox("C1");
  Reply reply = api.Send("POST", Path("C1", "/decisions"), api.Gestionnaire(), kBulk);
  ASSERT_EQ(reply.status, 200) << reply;
  EXPECT_EQ(Strings(reply.Json()->getArray("validated")),
            (std::vector<std::string>{"cv", "releve_bac"}));
  EXPECT_EQ(reply.Json()->getValue<std::string>("status"), "CO");
  EXPECT_EQ(api.Status("C1"), "CO");
  // The status mail, as after the last single decision.
  EXPECT_EQ(api.Outbox("C1"), mails + 1);
  EXPECT_EQ(api.db().Scalar("SELECT CONCAT(actor, ' ', old_status, '>', new_status) FROM "
                            "historique WHERE kind = 'status'"),
            "gestionnaire RE>CO");
  EXPECT_EQ(api.db().Scalar("SELECT comment FROM historique WHERE piece_code = 'cv'"),
            messages::ValidatedAsConforme());
}

// Incomplete (IN) is under examination too: a validation there follows the
// single decisions' rule (a refused pièce keeps it incomplete).
TEST(ValidateConformes, AnIncompleteCandidatureWithARefusedPieceStaysIncomplete) {
  ServedApi api;
  api.Create("C1", {"cv", "releve_bac"});
  api.Version("C1", "cv", 1, "accepted");
  api.Version("C1", "releve_bac", 1, "accepted", "conforme");
  api.SetStatuses("C1", "IN", {{"releve_bac", "RE"}});
  Reply reply = api.Send("POST", Path("C1", "/decisions"), api.Admin(), kBulk);
  ASSERT_EQ(reply.status, 200) << reply;
  EXPECT_EQ(Strings(reply.Json()->getArray("validated")), std::vector<std::string>{"cv"});
  EXPECT_EQ(PieceStatus(api, "C1", "releve_bac"), "RE");
  EXPECT_EQ(api.Status("C1"), "IN");
}

TEST(ValidateConformes, OnlyACandidatureUnderExaminationIs409Otherwise) {
  ServedApi api;
  api.Create("C1", {"cv"});
  api.Version("C1", "cv", 1, "accepted");
  Reply waiting = api.Send("POST", Path("C1", "/decisions"), api.Gestionnaire(), kBulk);
  EXPECT_EQ(waiting.status, 409) << waiting;
  EXPECT_EQ(waiting.Error(), "not_transmitted");
  api.SetStatuses("C1", "CO", {});
  EXPECT_EQ(api.Send("POST", Path("C1", "/decisions"), api.Gestionnaire(), kBulk).status, 409);
  EXPECT_EQ(PieceStatus(api, "C1", "cv"), "TR");
  EXPECT_EQ(api.db().Count("SELECT COUNT(*) FROM historique WHERE kind = 'decision'"), 0);
  Reply unknown = api.Send("POST", Path("nobody", "/decisions"), api.Gestionnaire(), kBulk);
  EXPECT_EQ(unknown.status, 404) << unknown;
  EXPECT_EQ(unknown.Error(), "not_found");
}

TEST(ValidateConformes, ABadBodyIs400BeforeAnyRow) {
  ServedApi api;
  api.Create("C1", {"cv"});
  api.Version("C1", "cv", 1, "accepted");
  api.SetStatuses("C1", "RE", {});
  for (const std::string& body :
       {std::string(R"({"validate": "tout"})"), std::string("{}"),
        std::string(R"({"validate": 1})"), std::string(R"({"validate": "Conformes"})"),
        std::string(R"({"status": "VA"})")}) {
    Reply reply = api.Send("POST", Path("C1", "/decisions"), api.Gestionnaire(), body);
    EXPECT_EQ(reply.status, 400) << body << " " << reply;
    EXPECT_EQ(reply.Error(), "invalid_decision") << body;
    EXPECT_EQ(reply.Json()->getValue<std::string>("message"), messages::InvalidBulkDecision());
  }
  EXPECT_EQ(api.Send("POST", Path("C1", "/decisions"), api.Gestionnaire(), "not json").status, 400);
  // Checked before the candidature is looked up.
  EXPECT_EQ(api.Send("POST", Path("nobody", "/decisions"), api.Gestionnaire(), "{}").status, 400);
  EXPECT_EQ(PieceStatus(api, "C1", "cv"), "TR");
}

TEST(ValidateConformes, ACandidatMayNotValidate) {
  ServedApi api;
  api.Create("C1", {"cv"});
  api.Version("C1", "cv", 1, "accepted");
  api.SetStatuses("C1", "RE", {});
  Reply reply = api.Send("POST", Path("C1", "/decisions"), api.Candidat("C1"), kBulk);
  EXPECT_EQ(reply.status, 403) << reply;
  EXPECT_EQ(PieceStatus(api, "C1", "cv"), "TR");
}

}  // namespace
}  // namespace dossier
