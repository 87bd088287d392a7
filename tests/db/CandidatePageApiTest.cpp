// What the candidate page needs from the API beyond the pièces: the session
// cookie that keeps it open without the token in its address, the deadline
// and the door's caps, and the receipt of each transmission. An HttpService
// on a free port against a fresh database, real requests over a real socket.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <ctime>
#include <regex>

#include "ingest/upload/Sha256.h"
#include "server/auth/AccessToken.h"
#include "tests/db/ServedApi.h"
#include "tests/db/TestDatabase.h"
#include "tests/fixtures/BornDigitalPdf.h"
#include "tests/support/Oracles.h"
#include "workflow/policy/PiecePolicy.h"

namespace dossier {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

using test::Reply;

std::string CandidaturePath(const std::string& id) {
  return "/api/v1/candidatures/" + id;
}

ServerSettings PageSettings(ServerSettings settings) {
  settings.upload.min_free_bytes = 0;
  settings.assemble_binary = testing::BuiltBinary("dossier");
  return settings;
}

// The served service, with what the page does: the cookie alone, PUT by
// eCandidat, an upload, and a worker accepting it.
class ServedApi : public test::ServedApi {
 public:
  explicit ServedApi(ServerSettings settings = ServerSettings())
      : test::ServedApi(PageSettings(std::move(settings))) {}

  // With the session cookie only (no Authorization header).
  Reply WithCookie(const std::string& method, const std::string& uri, const std::string& cookie,
                   const test::Headers& more = {}) {
    test::Headers headers = {{"Cookie", cookie}};
    headers.insert(headers.end(), more.begin(), more.end());
    return Send(method, uri, "", "", headers);
  }

  Reply Put(const std::string& id, const std::string& body) {
    return Send("PUT", CandidaturePath(id), Admin(), body);
  }

  // One PDF file uploaded to a pièce, as the page sends it.
  Reply UploadPdf(const std::string& id, const std::string& code, const std::string& name,
                  const std::string& pdf) {
    return Upload(id, code, {{name, pdf}}, Candidat(id));
  }

  // What a worker writes when it accepts the latest version: the processed
  // PDF in the store and the pre-check row.
  void AcceptLatestVersion(const std::string& processed_pdf) {
    std::string key = store().NewKey("results");
    store().WriteDurably(key, processed_pdf);
    std::string version = db().Scalar("SELECT MAX(id) FROM piece_version");
    Exec("UPDATE job SET state = 'done', finished_at = UTC_TIMESTAMP(3) WHERE piece_version_id = " +
         version);
    Exec(
        "INSERT INTO precheck (piece_version_id, job_id, outcome, reason, ine_verdict, message, "
        "report, output_key, output_bytes, latency_ms, created_at) SELECT " +
        version +
        ", id, 'accepted', NULL, NULL, 'Pièce acceptée.', "
        "'{\"status\": \"accepted\", \"pages\": 2}', '" +
        key + "', " + std::to_string(processed_pdf.size()) +
        ", 10, UTC_TIMESTAMP(3) FROM job WHERE piece_version_id = " + version);
  }
};

const char kTwoPieces[] =
    R"({"formation": "Licence Droit", "ine": "1234567890V", "email": "camille@example.org",
        "pieces": [{"code": "cv", "mandatory": true},
                   {"code": "releve_bac", "mandatory": false}]})";

// "name=value" of a Set-Cookie header, without its attributes.
std::string CookiePair(const std::string& set_cookie) {
  return set_cookie.substr(0, set_cookie.find(';'));
}

// ---------------------------------------------------------------------------
// The session cookie

TEST(CandidatePageApi, TheTokenBecomesAnHttpOnlyCookieScopedToTheCandidature) {
  ServedApi api;
  ASSERT_EQ(api.Put("C1", kTwoPieces).status, 201);
  std::string token = api.Token(TokenRole::Candidat, "C1", "", 7200);
  Reply opened = api.Send("POST", CandidaturePath("C1") + "/session", token);
  ASSERT_EQ(opened.status, 204) << opened;
  std::string set_cookie = opened.Header("Set-Cookie");
  EXPECT_EQ(CookiePair(set_cookie), "dossier_candidat=" + token);
  EXPECT_NE(set_cookie.find("; Path=/api/v1/candidatures/C1;"), std::string::npos) << set_cookie;
  EXPECT_NE(set_cookie.find("; HttpOnly"), std::string::npos);
  EXPECT_NE(set_cookie.find("; SameSite=Strict"), std::string::npos);
  // Served over http without an https public address: Secure would lose it.
  EXPECT_EQ(set_cookie.find("Secure"), std::string::npos);
  std::smatch age;
  ASSERT_TRUE(std::regex_search(set_cookie, age, std::regex("Max-Age=([0-9]+)")));
  EXPECT_GT(std::stol(age[1]), 7000);  // the token's remaining life
  EXPECT_LE(std::stol(age[1]), 7200);
  EXPECT_EQ(opened.Header("Cache-Control"), "no-store");

  // The page opened again without its token: the cookie alone opens every
  // route of the candidature.
  std::string cookie = "lang=fr; " + CookiePair(set_cookie);
  Reply read = api.WithCookie("GET", CandidaturePath("C1"), cookie);
  ASSERT_EQ(read.status, 200) << read;
  EXPECT_EQ(read.Json()->getValue<std::string>("id"), "C1");
  Reply marked =
      api.WithCookie("POST", CandidaturePath("C1") + "/pieces/releve_bac/non-concerne", cookie,
                     {{"Origin", "http://127.0.0.1:" + std::to_string(api.port())}});
  EXPECT_EQ(marked.status, 200) << marked;
  EXPECT_EQ(api.WithCookie("GET", CandidaturePath("C1") + "/pieces/cv/pdf", cookie).status, 404);
}

TEST(CandidatePageApi, TheCookieIsSecureWhenTheServiceIsReachedOverHttps) {
  ServerSettings settings;
  settings.public_url = "https://pj.univ.example";
  ServedApi api(settings);
  ASSERT_EQ(api.Put("C1", kTwoPieces).status, 201);
  Reply opened = api.Send("POST", CandidaturePath("C1") + "/session", api.Candidat("C1"));
  ASSERT_EQ(opened.status, 204) << opened;
  EXPECT_NE(opened.Header("Set-Cookie").find("; Secure"), std::string::npos);
}

TEST(CandidatePageApi, OnlyACandidatBearerTokenGetsACookie) {
  ServedApi api;
  ASSERT_EQ(api.Put("C1", kTwoPieces).status, 201);
  std::string session = CandidaturePath("C1") + "/session";
  for (const std::string& staff : {api.Admin(), api.Gestionnaire()}) {
    Reply refused = api.Send("POST", session, staff);
    EXPECT_EQ(refused.status, 403) << refused;
    EXPECT_EQ(refused.Header("Set-Cookie"), "");
  }
  EXPECT_EQ(api.Send("POST", session, api.Candidat("C2")).status, 403);
  // A cookie cannot be exchanged for a cookie: the bearer token is needed.
  Reply cookie_only = api.WithCookie("POST", session, "dossier_candidat=" + api.Candidat("C1"));
  EXPECT_EQ(cookie_only.status, 401) << cookie_only;
  EXPECT_EQ(cookie_only.Header("Set-Cookie"), "");
}

TEST(CandidatePageApi, ACookieIsVerifiedLikeABearerToken) {
  ServedApi api;
  ASSERT_EQ(api.Put("C1", kTwoPieces).status, 201);
  ASSERT_EQ(api.Put("C2", kTwoPieces).status, 201);
  std::string path = CandidaturePath("C1");
  Reply expired = api.WithCookie(
      "GET", path,
      "dossier_candidat=" + api.Token(TokenRole::Candidat, "C1", "", -5 - kClockLeewaySeconds));
  EXPECT_EQ(expired.status, 401) << expired;
  EXPECT_EQ(expired.Error(), "token_expired");
  Reply forged = api.WithCookie("GET", path, "dossier_candidat=" + api.Candidat("C1") + "x");
  EXPECT_EQ(forged.status, 401);
  EXPECT_EQ(forged.Error(), "unauthorized");
  // C2's cookie on C1's path (a browser would not send it; a script might).
  Reply other = api.WithCookie("GET", path, "dossier_candidat=" + api.Candidat("C2"));
  EXPECT_EQ(other.status, 403) << other;
  // A staff token in the cookie grants nothing.
  Reply staff = api.WithCookie("GET", path, "dossier_candidat=" + api.Admin());
  EXPECT_EQ(staff.status, 401) << staff;
  // Another cookie of the same name sent first does not hide the right one.
  Reply both = api.WithCookie(
      "GET", path, "dossier_candidat=stale; dossier_candidat=\"" + api.Candidat("C1") + "\"");
  EXPECT_EQ(both.status, 200) << both;
  // The list of candidatures is no route of a candidature: no cookie there.
  EXPECT_EQ(api.WithCookie("GET", "/api/v1/candidatures", "dossier_candidat=" + api.Candidat("C1"))
                .status,
            401);
}

TEST(CandidatePageApi, TheAuthorizationHeaderWinsOverTheCookie) {
  ServedApi api;
  ASSERT_EQ(api.Put("C1", kTwoPieces).status, 201);
  Reply reply = api.Send("GET", CandidaturePath("C1"), api.Candidat("C2"), "",
                         {{"Cookie", "dossier_candidat=" + api.Candidat("C1")}});
  EXPECT_EQ(reply.status, 403) << reply;
  Reply admin = api.Send("GET", CandidaturePath("C1"), api.Admin(), "",
                         {{"Cookie", "dossier_candidat=" + api.Candidat("C2")}});
  EXPECT_EQ(admin.status, 200) << admin;
}

TEST(CandidatePageApi, ACookieChangeFromAnotherOriginIsRefused) {
  ServedApi api;
  ASSERT_EQ(api.Put("C1", kTwoPieces).status, 201);
  std::string cookie = "dossier_candidat=" + api.Candidat("C1");
  std::string nc = CandidaturePath("C1") + "/pieces/releve_bac/non-concerne";
  Reply foreign = api.WithCookie("POST", nc, cookie, {{"Origin", "https://evil.example"}});
  EXPECT_EQ(foreign.status, 403) << foreign;
  EXPECT_EQ(foreign.Error(), "forbidden");
  EXPECT_EQ(api.db().Scalar("SELECT status FROM pj_cand WHERE piece_code = 'releve_bac'"), "AT");
  // Reading is never refused for its origin; a change without Origin
  // relies on SameSite=Strict.
  EXPECT_EQ(
      api.WithCookie("GET", CandidaturePath("C1"), cookie, {{"Origin", "https://evil.example"}})
          .status,
      200);
  EXPECT_EQ(api.WithCookie("POST", nc, cookie).status, 200);
  // A bearer token is no ambient credential: its origin does not matter.
  EXPECT_EQ(api.Send("POST", CandidaturePath("C1") + "/pieces/releve_bac/non-concerne",
                     api.Candidat("C1"), "", {{"Origin", "https://evil.example"}})
                .status,
            200);
}

TEST(CandidatePageApi, AnOversizeCookieHeaderIsStoppedAtTheDoor) {
  ServedApi api;
  ASSERT_EQ(api.Put("C1", kTwoPieces).status, 201);
  // The gate bounds the whole head (16 KiB by default): a Cookie header
  // stuffed with values never reaches the cookie reader.
  std::string stuffed = "dossier_candidat=" + api.Candidat("C1");
  while (stuffed.size() < 20'000) stuffed += "; dossier_candidat=" + api.Candidat("C1");
  Reply refused = api.WithCookie("GET", CandidaturePath("C1"), stuffed);
  EXPECT_EQ(refused.status, 431) << refused;
}

TEST(CandidatePageApi, DeleteClearsTheCookieWithTheCookieOrABearer) {
  ServedApi api;
  ASSERT_EQ(api.Put("C1", kTwoPieces).status, 201);
  std::string session = CandidaturePath("C1") + "/session";
  Reply by_cookie = api.WithCookie("DELETE", session, "dossier_candidat=" + api.Candidat("C1"));
  ASSERT_EQ(by_cookie.status, 204) << by_cookie;
  std::string cleared = by_cookie.Header("Set-Cookie");
  EXPECT_EQ(CookiePair(cleared), "dossier_candidat=");
  EXPECT_NE(cleared.find("; Max-Age=0;"), std::string::npos) << cleared;
  EXPECT_NE(cleared.find("; Path=/api/v1/candidatures/C1;"), std::string::npos) << cleared;
  Reply by_bearer = api.Send("DELETE", session, api.Candidat("C1"));
  EXPECT_EQ(by_bearer.status, 204) << by_bearer;
  EXPECT_NE(by_bearer.Header("Set-Cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(api.WithCookie("DELETE", session, "dossier_candidat=" + api.Candidat("C1"),
                           {{"Origin", "https://evil.example"}})
                .status,
            403);
}

// ---------------------------------------------------------------------------
// The deadline and the door's caps

TEST(CandidatePageApi, TheDeadlineIsStoredShownAndReplacedByEachPut) {
  ServedApi api;
  std::string with_date =
      R"({"formation": "Licence Droit", "date_limite": "2028-02-29", "pieces": [{"code": "cv"}]})";
  Reply created = api.Put("C1", with_date);
  ASSERT_EQ(created.status, 201) << created;
  EXPECT_EQ(created.Json()->getValue<std::string>("date_limite"), "2028-02-29");
  Reply read = api.Send("GET", CandidaturePath("C1"), api.Candidat("C1"));
  EXPECT_EQ(read.Json()->getValue<std::string>("date_limite"), "2028-02-29");
  EXPECT_EQ(read.Json()->getValue<Poco::Int64>("max_file_bytes"), 25'000'000);
  EXPECT_EQ(read.Json()->getValue<int>("max_files"), 20);
  EXPECT_TRUE(read.Json()->isNull("recepisse"));
  // The PUT replaces what it carries: without the date, there is none.
  ASSERT_EQ(api.Put("C1", R"({"formation": "Licence Droit"})").status, 200);
  EXPECT_TRUE(api.Send("GET", CandidaturePath("C1"), api.Admin()).Json()->isNull("date_limite"));
  ASSERT_EQ(api.Put("C1", R"({"formation": "Licence Droit", "date_limite": "2026-12-15"})").status,
            200);
  ASSERT_EQ(api.Put("C1", R"({"formation": "Licence Droit", "date_limite": null})").status, 200);
  EXPECT_EQ(api.db().Scalar("SELECT COUNT(*) FROM candidature WHERE date_limite IS NULL"), "1");
}

TEST(CandidatePageApi, ADeadlineThatIsNoCalendarDateIs400NamingTheField) {
  ServedApi api;
  for (const char* bad : {"\"2026-02-29\"", "\"2026-13-01\"", "\"2026-12-32\"", "\"15/12/2026\"",
                          "\"2026-1-15\"", "\"\"", "20261215", "true", "\"2026-12-15T00:00\""}) {
    Reply refused =
        api.Put("C1", std::string(R"({"formation": "Licence Droit", "date_limite": )") + bad + "}");
    EXPECT_EQ(refused.status, 400) << bad << " " << refused;
    EXPECT_EQ(refused.Error(), "invalid_field") << bad;
    EXPECT_NE(refused.Json()->getValue<std::string>("message").find("« date_limite »"),
              std::string::npos)
        << refused;
  }
  EXPECT_EQ(api.db().Scalar("SELECT COUNT(*) FROM candidature"), "0");
}

TEST(CandidatePageApi, TheDoorsCapsAreTheServiceSettings) {
  ServerSettings settings;
  settings.upload.max_file_bytes = 5'000'000;
  settings.upload.max_files = 4;
  ServedApi api(settings);
  Reply created = api.Put("C1", kTwoPieces);
  ASSERT_EQ(created.status, 201);
  EXPECT_EQ(created.Json()->getValue<Poco::Int64>("max_file_bytes"), 5'000'000);
  EXPECT_EQ(created.Json()->getValue<int>("max_files"), 4);
}

// ---------------------------------------------------------------------------
// The récépissé

std::string ReceiptPath(const std::string& id) {
  return CandidaturePath(id) + "/recepisse";
}

TEST(CandidatePageApi, NoReceiptBeforeTheFirstTransmission) {
  ServedApi api;
  ASSERT_EQ(api.Put("C1", kTwoPieces).status, 201);
  Reply json = api.Send("GET", ReceiptPath("C1"), api.Candidat("C1"));
  EXPECT_EQ(json.status, 404) << json;
  EXPECT_EQ(json.Error(), "not_found");
  EXPECT_NE(json.Json()->getValue<std::string>("message").find("récépissé"), std::string::npos);
  Reply pdf = api.Send("GET", ReceiptPath("C1") + ".pdf", api.Candidat("C1"));
  EXPECT_EQ(pdf.status, 404) << pdf;
  EXPECT_EQ(api.Send("GET", ReceiptPath("C1"), api.Candidat("C2")).status, 403);
}

TEST(CandidatePageApi, EachTransmissionWritesAReceiptWithTheServedPdfsHash) {
  ServedApi api;
  ASSERT_EQ(api.Put("C1", kTwoPieces).status, 201);
  std::string candidat = api.Candidat("C1");
  ASSERT_EQ(api.UploadPdf("C1", "cv", "mon cv.pdf", fixtures::BornDigitalPdf({{"CV"}})).status,
            202);
  api.AcceptLatestVersion(fixtures::BornDigitalPdf({{"CV traité"}, {"page 2"}}));
  ASSERT_EQ(
      api.Send("POST", CandidaturePath("C1") + "/pieces/releve_bac/non-concerne", candidat).status,
      200);

  Reply transmitted = api.Send("POST", CandidaturePath("C1") + "/transmit", candidat);
  ASSERT_EQ(transmitted.status, 200) << transmitted;
  Object::Ptr mark = transmitted.Json()->getObject("recepisse");
  ASSERT_TRUE(mark);
  std::string when = mark->getValue<std::string>("transmitted_at");
  EXPECT_TRUE(std::regex_match(when, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)")))
      << when;

  // The cookie opens the receipt too.
  Reply read = api.WithCookie("GET", ReceiptPath("C1"), "dossier_candidat=" + candidat);
  ASSERT_EQ(read.status, 200) << read;
  Object::Ptr receipt = read.Json();
  EXPECT_EQ(receipt->getValue<std::string>("candidature"), "C1");
  EXPECT_EQ(receipt->getValue<std::string>("formation"), "Licence Droit");
  EXPECT_EQ(receipt->getValue<std::string>("ine"), "1234567890V");
  EXPECT_EQ(receipt->getValue<std::string>("transmitted_at"), when);
  Array::Ptr pieces = receipt->getArray("pieces");
  ASSERT_EQ(pieces->size(), 2u);
  Object::Ptr cv = pieces->getObject(0);
  Reply served = api.Send("GET", CandidaturePath("C1") + "/pieces/cv/pdf", candidat);
  ASSERT_EQ(served.status, 200);
  EXPECT_EQ(cv->getValue<std::string>("code"), "cv");
  EXPECT_EQ(cv->getValue<std::string>("status"), "TR");
  EXPECT_EQ(cv->getValue<std::string>("sha256"), Sha256::Of(served.body));
  EXPECT_EQ(cv->getValue<Poco::Int64>("bytes"), static_cast<Poco::Int64>(served.body.size()));
  EXPECT_EQ(cv->getValue<int>("pages"), 2);
  ASSERT_EQ(cv->getArray("files")->size(), 1u);
  EXPECT_EQ(cv->getArray("files")->getElement<std::string>(0), "mon cv.pdf");
  Object::Ptr bac = pieces->getObject(1);
  EXPECT_EQ(bac->getValue<std::string>("status"), "NC");
  EXPECT_TRUE(bac->isNull("sha256"));
  EXPECT_TRUE(bac->isNull("pages"));
  EXPECT_EQ(bac->getArray("files")->size(), 0u);

  // The gestionnaire refuses the CV; the candidate sends another and
  // transmits again: a second receipt, the first one kept as it was.
  ASSERT_EQ(api.Send("POST", CandidaturePath("C1") + "/pieces/cv/decision", api.Gestionnaire(),
                     R"({"status": "RE", "comment": "Illisible"})")
                .status,
            200);
  ASSERT_EQ(api.UploadPdf("C1", "cv", "cv-2.pdf", fixtures::BornDigitalPdf({{"CV 2"}})).status,
            202);
  std::string second_pdf = fixtures::BornDigitalPdf({{"CV 2 traité"}});
  api.AcceptLatestVersion(second_pdf);
  ASSERT_EQ(api.Send("POST", CandidaturePath("C1") + "/transmit", candidat).status, 200);
  EXPECT_EQ(api.db().Scalar("SELECT COUNT(*) FROM recepisse WHERE candidature_id = 'C1'"), "2");
  Object::Ptr latest = api.Send("GET", ReceiptPath("C1"), candidat).Json();
  EXPECT_EQ(latest->getArray("pieces")->getObject(0)->getValue<std::string>("sha256"),
            Sha256::Of(second_pdf));
  EXPECT_EQ(api.db().Scalar("SELECT body FROM recepisse ORDER BY id LIMIT 1"), read.body);
}

TEST(CandidatePageApi, TheReceiptPdfCarriesTheHashesAndIsDownloaded) {
  ServedApi api;
  ASSERT_EQ(api.Put("C1", kTwoPieces).status, 201);
  std::string candidat = api.Candidat("C1");
  ASSERT_EQ(api.UploadPdf("C1", "cv", "cv.pdf", fixtures::BornDigitalPdf({{"CV"}})).status, 202);
  std::string processed = fixtures::BornDigitalPdf({{"CV traité"}});
  api.AcceptLatestVersion(processed);
  ASSERT_EQ(
      api.Send("POST", CandidaturePath("C1") + "/pieces/releve_bac/non-concerne", candidat).status,
      200);
  ASSERT_EQ(api.Send("POST", CandidaturePath("C1") + "/transmit", candidat).status, 200);

  Reply pdf = api.Send("GET", ReceiptPath("C1") + ".pdf", candidat);
  ASSERT_EQ(pdf.status, 200) << pdf;
  EXPECT_EQ(pdf.Header("Content-Type"), "application/pdf");
  EXPECT_EQ(pdf.Header("Content-Disposition"), "attachment; filename=\"C1-recepisse.pdf\"");
  EXPECT_EQ(testing::PopplerPageCount(pdf.body), 1);
  std::string text = testing::PdfText(pdf.body);
  std::string hash = Sha256::Of(processed);
  EXPECT_NE(text.find("Récépissé de dépôt de dossier"), std::string::npos) << text;
  EXPECT_NE(text.find(hash.substr(0, 32)), std::string::npos) << text;
  EXPECT_NE(text.find(hash.substr(32)), std::string::npos) << text;
  // Drawn once: asked again, the same file.
  Reply again = api.Send("GET", ReceiptPath("C1") + ".pdf", api.Gestionnaire());
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(again.body, pdf.body);
}

}  // namespace
}  // namespace dossier
