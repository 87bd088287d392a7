// dossier-worklist-bench: the gestionnaire's work list at scale, through the
// real HTTP route. Seeds 5 000 candidatures (nom, prénom, INE, 5 formations,
// 3 to 6 pièces each, pre-checks with a realistic mix of flags and reports
// of a few kB) in a fresh schema of the MariaDB named by DOSSIER_TEST_DB,
// serves them with an HttpService on loopback, and times one request per
// repetition (so the statistics are over requests: p50, p95).
//
// `before/*` runs the work list's query as it was before server/worklist
// (one query, every report's JSON parsed, 1 000 rows, oldest first), in
// process, beside `after_sql/*`, the new queries in process: the same
// footing for the ratio. `sql/*` compares ways of counting the total.
//
// Run through bench/worklist.sh, which prints the table.
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <benchmark/benchmark.h>
#include <cppconn/connection.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <signal.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <functional>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/json/JsonDocument.h"
#include "server/HttpService.h"
#include "server/auth/AccessToken.h"
#include "server/worklist/WorkListCsv.h"
#include "server/worklist/WorkListQuery.h"
#include "store/blobs/BlobStore.h"
#include "store/db/BoundStatement.h"
#include "tests/db/TestDatabase.h"
#include "workflow/policy/PiecePolicy.h"
#include "workflow/policy/PieceTypesTable.h"

namespace dossier::bench {
namespace {

constexpr int kCandidatures = 5000;
constexpr int kRepetitions = 300;

const char* const kNoms[] = {
    "Martin",   "Bernard", "Dubois",  "Thomas",   "Robert",   "Richard",  "Petit",  "Durand",
    "Leroy",    "Moreau",  "Simon",   "Laurent",  "Lefèvre",  "Michel",   "Garcia", "David",
    "Bertrand", "Roux",    "Vincent", "Fournier", "Morel",    "Girard",   "André",  "Lefebvre",
    "Mercier",  "Dupont",  "Lambert", "Bonnet",   "François", "Martínez", "Légaré", "Hébert",
    "Gauthier", "Perrin",  "Noël",    "Bélanger", "Côté",     "Lévesque", "Ménard", "Châtelain"};
const char* const kPrenoms[] = {"Hélène",  "Élodie",   "Émile",  "Chloé",  "Léa",      "Zoé",
                                "Noémie",  "Maël",     "Loïc",   "Jérôme", "Frédéric", "Cécile",
                                "Amélie",  "Mathéo",   "Gaëlle", "Anaïs",  "Inès",     "Raphaël",
                                "Clément", "Timothée", "Lucas",  "Hugo",   "Camille",  "Manon",
                                "Jules",   "Sarah",    "Louis",  "Emma",   "Nathan",   "Alice"};
const char* const kFormations[] = {"Licence Informatique", "Licence Économie et gestion",
                                   "Master Droit des affaires", "Licence Sciences de la Vie",
                                   "Master Mathématiques appliquées"};
const char* const kCodes[] = {"cv",        "lettre_motivation", "releve_bac",
                              "bulletins", "identite",          "diplomes"};

// What a worker's report looks like, with a few kB of detail.
std::string Report(std::mt19937& random, bool scripts, bool links, const std::string& verdict) {
  std::string removed = scripts ? R"(["javascript","link"])" : links ? R"(["link"])" : "[]";
  std::string pages;
  int count = 1 + static_cast<int>(random() % 6);
  for (int page = 1; page <= count; ++page)
    pages += std::string(page > 1 ? "," : "") + R"({"page":)" + std::to_string(page) +
             R"(,"width_pt":595.28,"height_pt":841.89,"source":"image","dpi":200,)"
             R"("bytes":184233,"drawing_ops":1234,"fonts":["Helvetica","Times-Roman"],)"
             R"("text_chars":2210,"images":[{"width":1654,"height":2339,"bpc":8,)"
             R"("colour":"grey","filter":"DCTDecode","bytes":180112}],)"
             R"("notes":"page rasterised from a phone photo, deskewed, greyscale"})";
  return R"({"status":"accepted","reason":null,"message":"Pièce vérifiée.","pages":)" +
         std::to_string(count) +
         R"(,"input_bytes":5034112,"output_bytes":1432112,)"
         R"("files":[{"name":"scan-001.jpg","type":"jpeg","bytes":1712334},)"
         R"({"name":"scan-002.jpg","type":"jpeg","bytes":1699012}],)"
         R"("fit":{"rung":1,"dpi":200,"jpeg_quality":85},)"
         R"("ine":{"verdict":")" +
         verdict +
         R"(","read":"0123456789A","confidence":0.93},)"
         R"("steps":["sniffed as JPEG at the door","EXIF orientation applied",)"
         R"("downsampled from 600 to 200 dpi","greyscale kept","merged in upload order",)"
         R"("fitted under 2 000 000 bytes at rung 1","output checked by the second parser",)"
         R"("INE zone located on page 1","INE read with confidence 0.93"],)"
         R"("active_content_removed":)" +
         removed + R"(,"active_content_kept":[],"page_details":[)" + pages + "]}";
}

std::string Quoted(const std::string& text) {
  return "'" + text + "'";  // the seed's own texts: no quote in them
}

// One INSERT of many rows.
class BatchInsert {
 public:
  BatchInsert(sql::Connection& connection, std::string head)
      : connection_(connection), head_(std::move(head)) {}
  void Add(const std::string& row) {
    values_ += (values_.empty() ? "" : ",") + ("(" + row + ")");
    if (values_.size() > 1'000'000) Flush();
  }
  void Flush() {
    if (values_.empty()) return;
    std::unique_ptr<sql::Statement>(connection_.createStatement())->execute(head_ + values_);
    values_.clear();
  }

 private:
  sql::Connection& connection_;
  std::string head_;
  std::string values_;
};

void Seed(sql::Connection& connection) {
  // The batches of the four tables fill at their own pace: each is flushed
  // when full, the constraints are checked by the schema's CHECKs only.
  std::unique_ptr<sql::Statement>(connection.createStatement())
      ->execute("SET foreign_key_checks = 0");
  std::mt19937 random(20261203);
  auto chance = [&](int percent) { return static_cast<int>(random() % 100) < percent; };
  BatchInsert candidatures(connection,
                           "INSERT INTO candidature (id, formation, ine, nom, prenom, email, "
                           "status, created_at, updated_at) VALUES ");
  BatchInsert pieces(connection,
                     "INSERT INTO pj_cand (candidature_id, piece_code, mandatory, position, "
                     "status, current_version, updated_at) VALUES ");
  BatchInsert versions(connection,
                       "INSERT INTO piece_version (id, candidature_id, piece_code, version, "
                       "created_at) VALUES ");
  BatchInsert prechecks(connection,
                        "INSERT INTO precheck (piece_version_id, job_id, outcome, ine_verdict, "
                        "message, report, latency_ms, created_at) VALUES ");
  long long version_id = 0;
  for (int i = 0; i < kCandidatures; ++i) {
    char id[16], ine[16];
    std::snprintf(id, sizeof id, "C%05d", i);
    std::snprintf(ine, sizeof ine, "%010uX", static_cast<unsigned>(random() % 1'000'000'000u));
    int roll = static_cast<int>(random() % 100);
    std::string status = roll < 20 ? "AT" : roll < 70 ? "RE" : roll < 85 ? "IN" : "CO";
    std::string at =
        "'2026-11-01 08:00:00' + INTERVAL " + std::to_string(random() % 2'592'000) + " SECOND";
    candidatures.Add(Quoted(id) + "," + Quoted(kFormations[random() % 5]) + "," + Quoted(ine) +
                     "," + Quoted(kNoms[random() % 40]) + "," + Quoted(kPrenoms[random() % 30]) +
                     ",'x@example.org'," + Quoted(status) + "," + at + "," + at);
    int count = 3 + static_cast<int>(random() % 4);
    for (int p = 0; p < count; ++p) {
      std::string code = kCodes[p];
      std::string piece_status = status == "AT"   ? (chance(50) ? "TR" : "AT")
                                 : status == "CO" ? "VA"
                                 : chance(70)     ? "TR"
                                 : chance(50)     ? "VA"
                                                  : "RE";
      int current = piece_status == "AT" ? 0 : chance(10) ? 2 : 1;
      pieces.Add(Quoted(id) + "," + Quoted(code) + ",1," + std::to_string(p) + "," +
                 Quoted(piece_status) + "," + std::to_string(current) + "," + at);
      for (int v = 1; v <= current; ++v) {
        versions.Add(std::to_string(++version_id) + "," + Quoted(id) + "," + Quoted(code) + "," +
                     std::to_string(v) + "," + at);
        bool checks_ine = code == "releve_bac";
        int ine_roll = static_cast<int>(random() % 100);
        std::string verdict = !checks_ine     ? "non_verifie"
                              : ine_roll < 85 ? "conforme"
                              : ine_roll < 90 ? "different"
                              : ine_roll < 95 ? "illisible"
                                              : "absent";
        int outcome_roll = static_cast<int>(random() % 100);
        std::string outcome = outcome_roll < 93   ? "accepted"
                              : outcome_roll < 98 ? "refused"
                                                  : "unprocessable";
        prechecks.Add(std::to_string(version_id) + ",1," + Quoted(outcome) + "," +
                      (checks_ine ? Quoted(verdict) : "NULL") + ",'Pièce vérifiée.'," +
                      Quoted(Report(random, chance(3), chance(30), verdict)) + ",1200," + at);
      }
    }
  }
  for (BatchInsert* batch : {&candidatures, &pieces, &versions, &prechecks}) batch->Flush();
  std::unique_ptr<sql::Statement>(connection.createStatement())
      ->execute("SET foreign_key_checks = 1");
}

// The work list's query as it was (git show 84da225:server/routes/ListCandidatures.cpp):
// every report's JSON parsed for contenu_actif, no search, no order but the
// oldest change, 1 000 rows.
const char* const kBeforeQuery =
    "SELECT c.id, c.formation, c.status, "
    "DATE_FORMAT(c.updated_at, '%Y-%m-%dT%H:%i:%sZ'), "
    "COALESCE(SUM(p.status = ?), 0), COUNT(p.piece_code), "
    "COALESCE(MAX(pc.ine_verdict = ?), 0) AS ine_illisible, "
    "COALESCE(MAX(pc.ine_verdict = ?), 0) AS ine_different, "
    "COALESCE(MAX(pc.outcome = ?), 0) AS refusee_controle, "
    "COALESCE(MAX(pc.outcome = ?), 0) AS unprocessable, "
    "COALESCE(MAX(JSON_LENGTH(pc.report, '$.active_content_removed') > "
    "COALESCE(JSON_CONTAINS(pc.report, '\"link\"', '$.active_content_removed'), 0) "
    "OR JSON_LENGTH(pc.report, '$.active_content_kept') > "
    "COALESCE(JSON_CONTAINS(pc.report, '\"link\"', '$.active_content_kept'), 0)), 0) "
    "AS contenu_actif "
    "FROM candidature c LEFT JOIN pj_cand p ON p.candidature_id = c.id "
    "LEFT JOIN piece_version v ON v.candidature_id = p.candidature_id "
    "AND v.piece_code = p.piece_code AND v.version = p.current_version "
    "LEFT JOIN precheck pc ON pc.piece_version_id = v.id "
    "WHERE (? = '' OR c.status = ?) "
    "GROUP BY c.id, c.formation, c.status, c.updated_at "
    "HAVING ? = '' OR (? = 'ine_illisible' AND ine_illisible = 1) "
    "OR (? = 'ine_different' AND ine_different = 1) "
    "OR (? = 'refusee_controle' AND refusee_controle = 1) "
    "OR (? = 'unprocessable' AND unprocessable = 1) "
    "OR (? = 'contenu_actif' AND contenu_actif = 1) "
    "ORDER BY c.updated_at, c.id LIMIT ?";

// The old route's work: the query and its rows as JSON text.
std::size_t BeforeList(sql::Connection& connection, const std::string& flag) {
  BoundStatement query(connection, kBeforeQuery);
  query.Bind("TR").Bind("illisible").Bind("different").Bind("refused").Bind("unprocessable");
  query.Bind("").Bind("");
  for (int i = 0; i < 6; ++i) query.Bind(flag);
  auto rows = query.Bind(1000).Query();
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  const char* const flags[] = {"ine_illisible", "ine_different", "refusee_controle",
                               "unprocessable", "contenu_actif"};
  while (rows->next()) {
    Poco::JSON::Object::Ptr item = NewJsonObject();
    item->set("id", std::string(rows->getString(1)));
    item->set("formation", std::string(rows->getString(2)));
    item->set("status", std::string(rows->getString(3)));
    item->set("updated_at", std::string(rows->getString(4)));
    item->set("pieces_to_check", static_cast<Poco::Int64>(rows->getInt64(5)));
    item->set("pieces", static_cast<Poco::Int64>(rows->getInt64(6)));
    Poco::JSON::Array::Ptr on = new Poco::JSON::Array;
    for (int f = 0; f < 5; ++f)
      if (rows->getInt(7 + f) != 0) on->add(std::string(flags[f]));
    item->set("flags", on);
    list->add(item);
  }
  return JsonText(list).size();
}

// The new route's work without HTTP: the page, the formations, JSON text.
std::size_t AfterList(sql::Connection& connection, const WorkListFilter& filter) {
  WorkListPage page = QueryWorkListPage(connection, filter);
  std::vector<std::string> formations = QueryFormations(connection);
  Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
  for (const WorkListItem& row : page.items) {
    Poco::JSON::Object::Ptr item = NewJsonObject();
    item->set("id", row.id);
    item->set("nom", row.nom);
    item->set("pieces", row.pieces);
    items->add(item);
  }
  return JsonText(items).size() + formations.size();
}

void RunSql(sql::Connection& connection, const std::string& statement) {
  std::unique_ptr<sql::ResultSet> rows(
      std::unique_ptr<sql::Statement>(connection.createStatement())->executeQuery(statement));
  while (rows->next()) {
  }
}

// One served service over the seeded schema, and a keep-alive client.
class World {
 public:
  World() {
    signal(SIGPIPE, SIG_IGN);
    {
      PooledConnection connection = db_.pool().Acquire();
      SeedPieceTypes(*connection, PiecePolicy::BuiltIn());
      auto start = std::chrono::steady_clock::now();
      Seed(*connection);
      std::unique_ptr<sql::Statement>(connection->createStatement())
          ->execute("ANALYZE TABLE candidature, pj_cand, piece_version, precheck");
      std::fprintf(stderr, "seeded %d candidatures in %.1f s\n", kCandidatures,
                   std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    store_ = std::make_unique<BlobStore>(dir_);
    ServerSettings settings;
    settings.port = 0;
    settings.threads = 8;
    service_ = std::make_unique<HttpService>(settings, db_.pool(), *store_, secret_,
                                             PiecePolicy::BuiltIn());
    service_->Start();
    AccessGrant grant;
    grant.role = TokenRole::Gestionnaire;
    grant.expires_at = static_cast<std::int64_t>(std::time(nullptr)) + 86400;
    token_ = MintToken(grant, secret_);
    session_ = std::make_unique<Poco::Net::HTTPClientSession>(
        "127.0.0.1", static_cast<Poco::UInt16>(service_->port()));
    session_->setKeepAlive(true);
  }
  ~World() {
    service_->Stop();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  // The body's size; throws unless 200.
  std::size_t Get(const std::string& uri) {
    Poco::Net::HTTPRequest request("GET", uri, Poco::Net::HTTPMessage::HTTP_1_1);
    request.set("Authorization", "Bearer " + token_);
    request.setKeepAlive(true);
    session_->sendRequest(request);
    Poco::Net::HTTPResponse response;
    std::istream& in = session_->receiveResponse(response);
    std::string body;
    Poco::StreamCopier::copyToString(in, body);
    if (response.getStatus() != Poco::Net::HTTPResponse::HTTP_OK)
      throw std::runtime_error(uri + ": " + std::to_string(response.getStatus()) + " " + body);
    return body.size();
  }
  PooledConnection Connection() { return db_.pool().Acquire(); }

 private:
  test::TestDatabase db_;
  std::string dir_ = "/tmp/worklist-bench-blobs-" + RandomHex(6);
  std::unique_ptr<BlobStore> store_;
  std::string secret_ = "worklist-bench-secret-0123456789abcdef";
  std::unique_ptr<HttpService> service_;
  std::string token_;
  std::unique_ptr<Poco::Net::HTTPClientSession> session_;
};

double Percentile(const std::vector<double>& values, double fraction) {
  std::vector<double> sorted = values;
  std::sort(sorted.begin(), sorted.end());
  std::size_t at =
      static_cast<std::size_t>(fraction * static_cast<double>(sorted.size() - 1) + 0.5);
  return sorted.empty() ? 0 : sorted[at];
}
double P50(const std::vector<double>& values) {
  return Percentile(values, 0.50);
}
double P95(const std::vector<double>& values) {
  return Percentile(values, 0.95);
}

// One call per repetition: the statistics are over calls.
void Register(const std::string& name, std::function<std::size_t()> call, int repetitions) {
  benchmark::RegisterBenchmark(name.c_str(),
                               [call](benchmark::State& state) {
                                 std::size_t bytes = 0;
                                 for (auto _ : state) bytes = call();
                                 state.counters["bytes"] = static_cast<double>(bytes);
                               })
      ->Iterations(1)
      ->Repetitions(repetitions)
      ->ComputeStatistics("p50", P50)
      ->ComputeStatistics("p95", P95)
      ->ReportAggregatesOnly(true)
      ->UseRealTime()
      ->Unit(benchmark::kMillisecond);
}

WorkListFilter Filter(std::function<void(WorkListFilter&)> set) {
  WorkListFilter filter;
  set(filter);
  return filter;
}

void RegisterAll(World& world, std::vector<PooledConnection>& connections) {
  const std::string list = "/api/v1/candidatures";
  struct Scenario {
    std::string name;
    std::string query;
    WorkListFilter filter;
  };
  // "hélène" without its accents and in capitals: the search folds both.
  const std::vector<Scenario> scenarios = {
      {"first_page", "", WorkListFilter()},
      {"nom_middle_page", "?sort=nom&offset=2500", Filter([](WorkListFilter& f) {
         f.sort.order = WorkListOrder::kNom;
         f.offset = 2500;
       })},
      {"search_q", "?q=H%C3%89LENE", Filter([](WorkListFilter& f) { f.q = "HÉLENE"; })},
      {"search_q_fragment", "?q=l%C3%A9g", Filter([](WorkListFilter& f) { f.q = "lég"; })},
      {"flag_ine_different", "?flag=ine_different",
       Filter([](WorkListFilter& f) { f.flags = {WorkListFlag::kIneDifferent}; })},
      {"flags_any_of_three", "?flag=contenu_actif&flag=unprocessable&flag=ine_illisible",
       Filter([](WorkListFilter& f) {
         f.flags = {WorkListFlag::kContenuActif, WorkListFlag::kUnprocessable,
                    WorkListFlag::kIneIllisible};
       })},
  };
  for (const Scenario& scenario : scenarios)
    Register(
        "http/" + scenario.name, [&world, uri = list + scenario.query] { return world.Get(uri); },
        kRepetitions);
  Register(
      "http/csv_all_5000", [&world] { return world.Get("/api/v1/candidatures.csv"); }, 30);

  sql::Connection& connection = *connections.at(0);
  for (const Scenario& scenario : scenarios)
    Register(
        "after_sql/" + scenario.name,
        [&connection, filter = scenario.filter] { return AfterList(connection, filter); },
        kRepetitions);
  Register(
      "after_sql/csv_all_5000",
      [&connection] {
        return WorkListCsv(connection, WorkListFilter(), {"cv", "lettre_motivation"}).size();
      },
      30);
  Register(
      "before/first_page_1000_rows", [&connection] { return BeforeList(connection, ""); }, 30);
  Register(
      "before/flag_ine_different",
      [&connection] { return BeforeList(connection, "ine_different"); }, 30);

  // How to count the total: the window over every match, or a COUNT(*)
  // beside the page read through the key.
  const std::string page = " FROM candidature c ORDER BY c.updated_at, c.id LIMIT 50";
  Register(
      "sql/total_window_first_page",
      [&connection, page] {
        RunSql(connection, "SELECT c.id, COUNT(*) OVER ()" + page);
        return std::size_t{0};
      },
      kRepetitions);
  Register(
      "sql/total_count_first_page",
      [&connection, page] {
        RunSql(connection, "SELECT COUNT(*) FROM candidature c");
        RunSql(connection, "SELECT c.id" + page);
        return std::size_t{0};
      },
      kRepetitions);
  const std::string search =
      " FROM candidature c WHERE CONCAT_WS(' ', c.prenom, c.nom) COLLATE %s LIKE '%%helene%%' "
      "ORDER BY c.updated_at, c.id LIMIT 50";
  for (const char* collation : {"utf8mb4_unicode_ci", "utf8mb4_general_ci", "utf8mb4_bin"}) {
    char statement[512];
    std::snprintf(statement, sizeof statement, ("SELECT c.id" + search).c_str(), collation);
    Register(
        std::string("sql/search_collate_") + collation,
        [&connection, sql = std::string(statement)] {
          RunSql(connection, sql);
          return std::size_t{0};
        },
        kRepetitions);
  }
}

}  // namespace
}  // namespace dossier::bench

int main(int argc, char** argv) {
  try {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    dossier::bench::World world;
    std::vector<dossier::PooledConnection> connections;
    connections.push_back(world.Connection());
    dossier::bench::RegisterAll(world, connections);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
  } catch (const std::exception& error) {
    std::fprintf(stderr, "dossier-worklist-bench: %s\n", error.what());
    return 1;
  }
  return 0;
}
