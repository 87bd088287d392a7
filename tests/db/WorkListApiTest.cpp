// The gestionnaire's work list at its API (GET /api/v1/candidatures) and its
// CSV export (GET /api/v1/candidatures.csv): every parameter, the bad ones,
// who may ask. An HttpService on a free port, a fresh database, real
// requests over a real socket.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "server/worklist/WorkListFilter.h"
#include "tests/db/ServedApi.h"

namespace dossier {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;
using test::Reply;
using test::ServedApi;
using test::Strings;
using Ids = std::vector<std::string>;

const char kList[] = "/api/v1/candidatures";

// Five candidatures (minutes since their last change):
//   K1 Martin Hélène   0123456789A  Licence Informatique  RE  50  releve_bac INE different; cv
//   K2 DURAND Élodie   1234567890V  Master Droit          AT  40  cv refused by the control
//   K3 Zola Émile      —            Licence Informatique  IN  30  releve_bac INE illisible
//   K4 —                —           Licence Économie      CO  20  cv with active content; identite
//   K5 martin Helene   9999999999X  Master Droit          RE  20  cv unprocessable
void Seed(ServedApi& api) {
  api.Create("K1", {"releve_bac", "cv"}, R"("nom": "Martin", "prenom": "Hélène", )");
  api.Create("K2", {"cv"}, R"("nom": "DURAND", "prenom": "Élodie", )");
  api.Create("K3", {"releve_bac"}, R"("nom": "Zola", "prenom": "Émile", )");
  api.Create("K4", {"cv", "identite"});
  api.Create("K5", {"cv"}, R"("nom": "martin", "prenom": "Helene", )");
  api.Version("K1", "releve_bac", 1, "accepted", "different");
  api.Version("K2", "cv", 1, "refused");
  api.Version("K3", "releve_bac", 1, "accepted", "illisible");
  api.Version("K4", "cv", 1, "accepted");
  api.Version("K5", "cv", 1, "unprocessable");
  api.Exec(
      "UPDATE precheck pc JOIN piece_version v ON v.id = pc.piece_version_id SET pc.report = "
      "'{\"active_content_removed\":[\"javascript\"],\"active_content_kept\":[]}' "
      "WHERE v.candidature_id = 'K4'");
  api.SetStatuses("K1", "RE", {});
  api.SetStatuses("K3", "IN", {});
  api.SetStatuses("K4", "CO", {{"cv", "VA"}, {"identite", "VA"}});
  api.SetStatuses("K5", "RE", {});
  struct Row {
    const char* id;
    const char* ine;
    const char* formation;
    int minutes;
  };
  for (const Row& row :
       {Row{"K1", "0123456789A", "Licence Informatique", 50},
        Row{"K2", "1234567890V", "Master Droit", 40}, Row{"K3", "", "Licence Informatique", 30},
        Row{"K4", "", "Licence Économie", 20}, Row{"K5", "9999999999X", "Master Droit", 20}})
    api.Exec(std::string("UPDATE candidature SET ine = ") +
             (*row.ine ? "'" + std::string(row.ine) + "'" : "NULL") + ", formation = '" +
             row.formation + "', updated_at = '2026-12-03 18:00:00' - INTERVAL " +
             std::to_string(row.minutes) + " MINUTE WHERE id = '" + row.id + "'");
}

Array::Ptr Items(const Reply& reply) {
  Array::Ptr items = reply.Json()->getArray("items");
  if (!items) ADD_FAILURE() << "no items: " << reply;
  return items ? items : Array::Ptr(new Array);
}

Ids IdsOf(const Reply& reply) {
  EXPECT_EQ(reply.status, 200) << reply;
  Ids ids;
  Array::Ptr items = Items(reply);
  for (std::size_t i = 0; i < items->size(); ++i)
    ids.push_back(items->getObject(i)->getValue<std::string>("id"));
  return ids;
}

class WorkListApi : public ::testing::Test {
 protected:
  void SetUp() override { Seed(api); }
  Reply List(const std::string& query) {
    return api.Get(std::string(kList) + (query.empty() ? "" : "?" + query), token);
  }
  Ids Listed(const std::string& query) { return IdsOf(List(query)); }
  // The parameter's 400: the machine code and a French sentence naming it.
  void ExpectRefused(const std::string& query, const std::string& error,
                     const std::string& parameter) {
    Reply reply = List(query);
    EXPECT_EQ(reply.status, 400) << query << ": " << reply;
    EXPECT_EQ(reply.Error(), error) << query;
    std::string message = reply.Json()->optValue<std::string>("message", "");
    EXPECT_NE(message.find("« " + parameter + " »"), std::string::npos) << query << ": " << message;
  }

  ServedApi api;
  std::string token = api.Gestionnaire();
};

TEST_F(WorkListApi, AnswersAPageWithTotalFormationsAndItems) {
  Reply reply = List("");
  ASSERT_EQ(reply.status, 200) << reply;
  Object::Ptr body = reply.Json();
  EXPECT_EQ(body->getValue<int>("total"), 5);
  EXPECT_EQ(body->getValue<int>("limit"), 50);
  EXPECT_EQ(body->getValue<int>("offset"), 0);
  EXPECT_EQ(Strings(body->getArray("formations")),
            (Ids{"Licence Économie", "Licence Informatique", "Master Droit"}));
  Array::Ptr items = Items(reply);
  ASSERT_EQ(items->size(), 5u);
  Object::Ptr k1 = items->getObject(0);
  EXPECT_EQ(k1->getValue<std::string>("id"), "K1");
  EXPECT_EQ(k1->getValue<std::string>("nom"), "Martin");
  EXPECT_EQ(k1->getValue<std::string>("prenom"), "Hélène");
  EXPECT_EQ(k1->getValue<std::string>("ine"), "0123456789A");
  EXPECT_EQ(k1->getValue<std::string>("formation"), "Licence Informatique");
  EXPECT_EQ(k1->getValue<std::string>("status"), "RE");
  EXPECT_EQ(k1->getValue<std::string>("status_label"), "Réceptionné");
  EXPECT_EQ(Strings(k1->getArray("flags")), Ids{"ine_different"});
  EXPECT_EQ(k1->getValue<int>("pieces"), 2);
  EXPECT_EQ(k1->getValue<int>("pieces_to_check"), 1);  // releve_bac TR, cv waiting
  EXPECT_EQ(k1->getValue<std::string>("updated_at"), "2026-12-03T17:10:00Z");
  Object::Ptr k4 = items->getObject(3);
  EXPECT_EQ(k4->getValue<std::string>("id"), "K4");
  EXPECT_TRUE(k4->isNull("nom"));
  EXPECT_TRUE(k4->isNull("prenom"));
  EXPECT_TRUE(k4->isNull("ine"));
  EXPECT_EQ(Strings(k4->getArray("flags")), Ids{"contenu_actif"});
  EXPECT_EQ(k4->getValue<int>("pieces_to_check"), 0);
}

TEST_F(WorkListApi, SortsEachWayWithTiesBrokenById) {
  EXPECT_EQ(Listed(""), (Ids{"K1", "K2", "K3", "K4", "K5"}));
  EXPECT_EQ(Listed("sort=updated"), (Ids{"K1", "K2", "K3", "K4", "K5"}));
  EXPECT_EQ(Listed("sort=-updated"), (Ids{"K5", "K4", "K3", "K2", "K1"}));
  // Case and accents folded (Martin = martin, Hélène = Helene: id decides),
  // no name last either way.
  EXPECT_EQ(Listed("sort=nom"), (Ids{"K2", "K1", "K5", "K3", "K4"}));
  EXPECT_EQ(Listed("sort=-nom"), (Ids{"K3", "K5", "K1", "K2", "K4"}));
  EXPECT_EQ(Listed("sort=formation"), (Ids{"K4", "K1", "K3", "K2", "K5"}));
  EXPECT_EQ(Listed("sort=-formation"), (Ids{"K5", "K2", "K3", "K1", "K4"}));
  // The workflow's order: AT, RE, IN, CO.
  EXPECT_EQ(Listed("sort=status"), (Ids{"K2", "K1", "K5", "K3", "K4"}));
  EXPECT_EQ(Listed("sort=-status"), (Ids{"K4", "K3", "K5", "K1", "K2"}));
}

TEST_F(WorkListApi, SearchesIdNamesAndIneWithoutCaseNorAccents) {
  EXPECT_EQ(Listed("q=h%C3%A9l%C3%A8ne"), (Ids{"K1", "K5"}));  // hélène
  EXPECT_EQ(Listed("q=HELENE"), (Ids{"K1", "K5"}));
  EXPECT_EQ(Listed("q=helene"), (Ids{"K1", "K5"}));
  EXPECT_EQ(Listed("q=%C3%A9lodie"), Ids{"K2"});  // élodie
  EXPECT_EQ(Listed("q=EMILE"), Ids{"K3"});
  EXPECT_EQ(Listed("q=durand"), Ids{"K2"});
  EXPECT_EQ(Listed("q=0123"), Ids{"K1"});                      // INE
  EXPECT_EQ(Listed("q=890v"), Ids{"K2"});                      // INE, any case
  EXPECT_EQ(Listed("q=k4"), Ids{"K4"});                        // id
  EXPECT_EQ(Listed("q=+martin+h%C3%A9l"), (Ids{"K1", "K5"}));  // nom then prénom, trimmed
  EXPECT_EQ(Listed("q=emile%20zola"), Ids{"K3"});              // prénom then nom
  EXPECT_EQ(Listed("q=dupont"), Ids{});
  // LIKE's wildcards are searched for as they are, not as wildcards.
  EXPECT_EQ(Listed("q=%25"), Ids{});
  EXPECT_EQ(Listed("q=K_"), Ids{});
  EXPECT_EQ(Listed("q=%5C"), Ids{});
  EXPECT_EQ(List("q=helene").Json()->getValue<int>("total"), 2);
}

TEST_F(WorkListApi, FiltersByFormationStatusFlagsAndIds) {
  EXPECT_EQ(Listed("formation=Master%20Droit"), (Ids{"K2", "K5"}));
  EXPECT_EQ(Listed("formation=Licence%20%C3%89conomie"), Ids{"K4"});
  EXPECT_EQ(Listed("formation=Master"), Ids{});  // exact text
  EXPECT_EQ(Listed("status=RE"), (Ids{"K1", "K5"}));
  EXPECT_EQ(Listed("status=CO"), Ids{"K4"});
  EXPECT_EQ(Listed("status=&formation="), (Ids{"K1", "K2", "K3", "K4", "K5"}));
  EXPECT_EQ(Listed("flag=ine_different"), Ids{"K1"});
  EXPECT_EQ(Listed("flag=refusee_controle"), Ids{"K2"});
  EXPECT_EQ(Listed("flag=ine_illisible"), Ids{"K3"});
  EXPECT_EQ(Listed("flag=contenu_actif"), Ids{"K4"});
  EXPECT_EQ(Listed("flag=unprocessable"), Ids{"K5"});
  EXPECT_EQ(Listed("flag=unprocessable&flag=ine_different"), (Ids{"K1", "K5"}));  // any
  EXPECT_EQ(Listed("flag=ine_illisible&flag=contenu_actif&sort=-updated"), (Ids{"K4", "K3"}));
  EXPECT_EQ(Listed("flag=ine_different&status=IN"), Ids{});
  EXPECT_EQ(Listed("id=K5&id=K3&id=nobody"), (Ids{"K3", "K5"}));  // in the list's order
  EXPECT_EQ(Listed("id=K5&id=K3&q=zola"), Ids{"K3"});
  EXPECT_EQ(Listed("colour=red&status=AT"), Ids{"K2"});  // an unknown name is ignored
}

TEST_F(WorkListApi, PagesWithLimitAndOffsetAndCountsEveryMatch) {
  Reply first = List("limit=2");
  EXPECT_EQ(IdsOf(first), (Ids{"K1", "K2"}));
  EXPECT_EQ(first.Json()->getValue<int>("total"), 5);
  EXPECT_EQ(first.Json()->getValue<int>("limit"), 2);
  Reply middle = List("limit=2&offset=2");
  EXPECT_EQ(IdsOf(middle), (Ids{"K3", "K4"}));
  EXPECT_EQ(middle.Json()->getValue<int>("total"), 5);
  EXPECT_EQ(middle.Json()->getValue<int>("offset"), 2);
  Reply last = List("limit=2&offset=4");
  EXPECT_EQ(IdsOf(last), Ids{"K5"});
  EXPECT_EQ(last.Json()->getValue<int>("total"), 5);
  Reply beyond = List("limit=2&offset=10&status=RE");
  EXPECT_EQ(IdsOf(beyond), Ids{});
  EXPECT_EQ(beyond.Json()->getValue<int>("total"), 2);
  Reply sorted = List("sort=nom&limit=2&offset=1");
  EXPECT_EQ(IdsOf(sorted), (Ids{"K1", "K5"}));
  EXPECT_EQ(List("limit=200").status, 200);
}

TEST_F(WorkListApi, RefusesBadParametersNamingThem) {
  for (const char* limit : {"limit=0", "limit=201", "limit=abc", "limit=-1", "limit=", "limit=1.5"})
    ExpectRefused(limit, "invalid_parameter", "limit");
  for (const char* offset : {"offset=-1", "offset=x"})
    ExpectRefused(offset, "invalid_parameter", "offset");
  ExpectRefused("sort=foo", "invalid_parameter", "sort");
  ExpectRefused("sort=--nom", "invalid_parameter", "sort");
  ExpectRefused("status=XX", "invalid_status", "status");
  ExpectRefused("flag=foo", "invalid_flag", "flag");
  ExpectRefused("flag=ine_different&flag=foo", "invalid_flag", "flag");
  // 100 characters are taken (accented ones count once), 101 are not.
  std::string hundred;
  for (int i = 0; i < 100; ++i) hundred += "%C3%A9";
  EXPECT_EQ(List("q=" + hundred).status, 200);
  ExpectRefused("q=" + hundred + "e", "invalid_parameter", "q");
  std::string ids;
  for (int i = 0; i < 200; ++i) ids += "id=X" + std::to_string(i) + "&";
  EXPECT_EQ(List(ids).status, 200);
  ExpectRefused(ids + "id=X200", "invalid_parameter", "id");
  Reply french = List("limit=0");
  EXPECT_EQ(french.Json()->getValue<std::string>("message"),
            "Le paramètre « limit » doit être un nombre entier entre 1 et 200.");
}

TEST_F(WorkListApi, IsForStaffOnly) {
  EXPECT_EQ(api.Get(kList, api.Admin()).status, 200);
  EXPECT_EQ(api.Get(kList, api.Candidat("K1")).status, 403);
  EXPECT_EQ(api.Get(kList, api.Candidat("K1")).Error(), "forbidden");
  EXPECT_EQ(api.Get("/api/v1/candidatures.csv", api.Candidat("K1")).status, 403);
  EXPECT_EQ(api.Get(kList, "").status, 401);
  EXPECT_EQ(api.Get("/api/v1/candidatures.csv", "").status, 401);
}

// ---------------------------------------------------------------------------
// The CSV export

std::vector<std::string> Lines(const std::string& body) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t end; (end = body.find("\r\n", start)) != std::string::npos; start = end + 2)
    lines.push_back(body.substr(start, end - start));
  EXPECT_EQ(start, body.size()) << "the last line ends with CRLF";
  return lines;
}

const char kBom[] = "\xEF\xBB\xBF";

TEST_F(WorkListApi, TheCsvIsASemicolonSpreadsheetWithOneColumnPerPiece) {
  Reply reply = api.Get("/api/v1/candidatures.csv", token);
  ASSERT_EQ(reply.status, 200) << reply;
  EXPECT_EQ(reply.Header("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(reply.Header("Content-Disposition"), "attachment; filename=\"candidatures.csv\"");
  ASSERT_EQ(reply.body.rfind(kBom, 0), 0u) << "starts with the BOM";
  std::vector<std::string> lines = Lines(reply.body.substr(3));
  ASSERT_EQ(lines.size(), 6u) << reply.body;
  // The pièce types present, in the policy's order (cv before releve_bac).
  EXPECT_EQ(lines[0],
            "id;nom;prénom;INE;formation;statut;CV;Relevé de notes du baccalauréat;"
            "Pièce d'identité");
  EXPECT_EQ(lines[1],
            "K1;Martin;Hélène;0123456789A;Licence Informatique;Réceptionné;"
            "En attente;Transmise;");
  EXPECT_EQ(lines[3], "K3;Zola;Émile;;Licence Informatique;Incomplet;;Transmise;");
  EXPECT_EQ(lines[4], "K4;;;;Licence Économie;Complet;Validée;;Validée");
}

TEST_F(WorkListApi, TheCsvAppliesTheFiltersAndOrderAndIgnoresTheLimit) {
  Reply reply = api.Get("/api/v1/candidatures.csv?status=RE&sort=-updated&limit=1&offset=1", token);
  ASSERT_EQ(reply.status, 200) << reply;
  std::vector<std::string> lines = Lines(reply.body.substr(3));
  ASSERT_EQ(lines.size(), 3u) << reply.body;
  // Only the types these rows require.
  EXPECT_EQ(lines[0], "id;nom;prénom;INE;formation;statut;CV;Relevé de notes du baccalauréat");
  EXPECT_EQ(lines[1].substr(0, 3), "K5;");
  EXPECT_EQ(lines[2].substr(0, 3), "K1;");
  Reply selection = api.Get("/api/v1/candidatures.csv?id=K4&id=K2", token);
  std::vector<std::string> two = Lines(selection.body.substr(3));
  ASSERT_EQ(two.size(), 3u) << selection.body;
  EXPECT_EQ(two[0], "id;nom;prénom;INE;formation;statut;CV;Pièce d'identité");
  EXPECT_EQ(two[1], "K2;DURAND;Élodie;1234567890V;Master Droit;En attente;Transmise;");
  Reply bad = api.Get("/api/v1/candidatures.csv?flag=foo", token);
  EXPECT_EQ(bad.status, 400) << bad;
  EXPECT_EQ(bad.Error(), "invalid_flag");
}

TEST_F(WorkListApi, TheCsvQuotesAndNeutralisesFormulas) {
  api.Create("Q1", {"cv"}, R"j("nom": "=HYPERLINK(\"http://evil.example\")", "prenom": "@x", )j");
  api.Create("Q2", {"cv"}, R"("nom": "Dupont; \"Jr\"", "prenom": "-2+3", )");
  api.Create("Q3", {"cv"}, R"("nom": "Ligne\r\nDeux", "prenom": "+33", )");
  Reply reply = api.Get("/api/v1/candidatures.csv?id=Q1&id=Q2&id=Q3&sort=nom", token);
  ASSERT_EQ(reply.status, 200) << reply;
  std::string body = reply.body.substr(3);
  EXPECT_NE(body.find("\r\nQ1;\"'=HYPERLINK(\"\"http://evil.example\"\")\";'@x;;"),
            std::string::npos)
      << body;
  EXPECT_NE(body.find("\r\nQ2;\"Dupont; \"\"Jr\"\"\";'-2+3;;"), std::string::npos) << body;
  EXPECT_NE(body.find("\r\nQ3;\"Ligne\r\nDeux\";'+33;;"), std::string::npos) << body;
}

// More matches than one export holds: refused with a sentence that says
// how to narrow it, never a file cut short without a word. The rows are
// inserted by SQL (MariaDB's sequence engine): 50 001 PUTs would take
// minutes.
TEST_F(WorkListApi, TheCsvRefusesMoreMatchesThanOneExportHolds) {
  const int cap = WorkListBounds::kMaxExportRows;
  api.Exec(
      "INSERT INTO candidature (id, formation, status, created_at, updated_at) "
      "SELECT CONCAT('N', seq), 'Licence Histoire', 'RE', UTC_TIMESTAMP(3), "
      "UTC_TIMESTAMP(3) FROM seq_1_to_" +
      std::to_string(cap));
  Reply whole = api.Get("/api/v1/candidatures.csv?formation=Licence%20Histoire", token);
  ASSERT_EQ(whole.status, 200) << whole;
  EXPECT_EQ(Lines(whole.body.substr(3)).size(), static_cast<std::size_t>(cap) + 1);
  api.Exec(
      "INSERT INTO candidature (id, formation, status, created_at, updated_at) VALUES "
      "('N0', 'Licence Histoire', 'RE', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))");
  Reply over = api.Get("/api/v1/candidatures.csv?formation=Licence%20Histoire", token);
  EXPECT_EQ(over.status, 400) << over.body.substr(0, 200);
  EXPECT_EQ(over.Error(), "invalid_parameter");
  EXPECT_NE(over.Json()->getValue<std::string>("message").find("Choisissez une formation"),
            std::string::npos);
  // The other formations still export.
  EXPECT_EQ(api.Get("/api/v1/candidatures.csv?status=AT", token).status, 200);
}

}  // namespace
}  // namespace dossier
