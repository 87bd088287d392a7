// `dossier purge`: the built binary run against a served database and data
// directory holding real uploads, processed results and cached PDFs.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "store/db/ConnectionPool.h"
#include "tests/db/ServedApi.h"
#include "tests/fixtures/BornDigitalPdf.h"
#include "tests/support/Oracles.h"
#include "workers/queue/ClaimJob.h"
#include "workers/queue/CompleteJob.h"
#include "workflow/retention/CachedPdfNames.h"
#include "workflow/retention/CandidaturePurge.h"

namespace dossier {
namespace {

namespace fs = std::filesystem;
using test::Reply;
using test::ServedApi;

ServerSettings Settings() {
  ServerSettings settings;
  settings.upload.min_free_bytes = 0;
  settings.assemble_binary = testing::BuiltBinary("dossier");
  return settings;
}

std::string Path(const std::string& id, const std::string& rest = "") {
  return "/api/v1/candidatures/" + id + rest;
}

// Rows of each table that belong to a candidature, through its versions
// and jobs where the table has no candidature_id.
const std::map<std::string, std::string> kRowsOf = {
    {"candidature", "SELECT COUNT(*) FROM candidature WHERE id = '?'"},
    {"pj_cand", "SELECT COUNT(*) FROM pj_cand WHERE candidature_id = '?'"},
    {"piece_version", "SELECT COUNT(*) FROM piece_version WHERE candidature_id = '?'"},
    {"fichier",
     "SELECT COUNT(*) FROM fichier f JOIN piece_version v ON v.id = f.piece_version_id "
     "WHERE v.candidature_id = '?'"},
    {"job",
     "SELECT COUNT(*) FROM job j JOIN piece_version v ON v.id = j.piece_version_id "
     "WHERE v.candidature_id = '?'"},
    {"job_run",
     "SELECT COUNT(*) FROM job_run r JOIN job j ON j.id = r.job_id "
     "JOIN piece_version v ON v.id = j.piece_version_id WHERE v.candidature_id = '?'"},
    {"precheck",
     "SELECT COUNT(*) FROM precheck p JOIN piece_version v ON v.id = p.piece_version_id "
     "WHERE v.candidature_id = '?'"},
    {"upload_request", "SELECT COUNT(*) FROM upload_request WHERE candidature_id = '?'"},
    {"outbox", "SELECT COUNT(*) FROM outbox WHERE candidature_id = '?'"},
    {"recepisse", "SELECT COUNT(*) FROM recepisse WHERE candidature_id = '?'"},
    {"historique", "SELECT COUNT(*) FROM historique WHERE candidature_id = '?'"},
    {"upload_allowance", "SELECT COUNT(*) FROM upload_allowance WHERE candidature_id = '?'"},
};

std::map<std::string, long long> RowsOf(ServedApi& api, const std::string& id) {
  std::map<std::string, long long> rows;
  for (const auto& [table, query] : kRowsOf) {
    std::string sql = query;
    sql.replace(sql.find('?'), 1, id);
    rows[table] = api.db().Count(sql);
  }
  return rows;
}

std::map<std::string, long long> Totals(ServedApi& api) {
  std::map<std::string, long long> rows;
  for (const auto& entry : kRowsOf)
    rows[entry.first] = api.db().Count("SELECT COUNT(*) FROM " + entry.first);
  return rows;
}

// Every regular file under the data directory, relative to it (the token
// secret and temporaries aside).
std::set<std::string> FilesUnder(const std::string& data_dir) {
  std::set<std::string> files;
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(data_dir))
    if (entry.is_regular_file()) files.insert(fs::relative(entry.path(), data_dir).string());
  return files;
}

// A candidature of `formation` with one pièce, `cv`, uploaded as the page
// sends it.
void CreateWithUpload(ServedApi& api, const std::string& id, const std::string& formation) {
  Reply put = api.Send("PUT", Path(id), api.Admin(),
                       R"({"formation": ")" + formation +
                           R"(", "email": "camille@example.org", "pieces": [{"code": "cv"}]})");
  ASSERT_EQ(put.status, 201) << put;
  Reply upload = api.Upload(id, "cv", {{"cv.pdf", fixtures::BornDigitalPdf({{"CV " + id}})}},
                            api.Candidat(id));
  ASSERT_EQ(upload.status, 202) << upload;
  // An acknowledged upload, as an Idempotency-Key retry would find it.
  api.Exec(
      "INSERT INTO upload_request (candidature_id, idem_key, piece_code, request_sha256, "
      "piece_version_id, response, created_at) SELECT candidature_id, 'key-1', piece_code, "
      "REPEAT('0', 64), id, '{}', UTC_TIMESTAMP(3) FROM piece_version WHERE candidature_id = '" +
      id + "'");
}

// What a worker does once the pipeline accepted the pièce: claims the
// oldest job and completes it with a processed PDF and a thumbnail.
void Accept(ServedApi& api, const std::string& id) {
  PooledConnection connection = api.db().pool().Acquire();
  std::optional<ClaimedJob> job = ClaimJob(*connection, "test:1:aa", WorkerSettings()).job;
  ASSERT_TRUE(job);
  ASSERT_EQ(job->candidature_id, id);
  PrecheckResult result;
  result.report.accepted = true;
  result.report.message = "Pièce acceptée.";
  result.output_key = api.store().NewKey("results");
  api.store().WriteDurably(result.output_key, fixtures::BornDigitalPdf({{"CV traité " + id}}));
  result.thumbnail_key = api.store().NewKey("results");
  api.store().WriteDurably(result.thumbnail_key, "thumbnail of " + id);
  ASSERT_EQ(CompleteJob(*connection, *job, result), Completion::Completed);
}

// A whole journey: uploaded, accepted, dossier PDF cached, transmitted,
// récépissé PDF cached.
void Transmitted(ServedApi& api, const std::string& id, const std::string& formation) {
  CreateWithUpload(api, id, formation);
  Accept(api, id);
  Reply dossier = api.Get(Path(id, "/dossier.pdf"), api.Gestionnaire());
  ASSERT_EQ(dossier.status, 200) << dossier;
  ASSERT_EQ(api.Send("POST", Path(id, "/transmit"), api.Candidat(id)).status, 200);
  Reply receipt = api.Get(Path(id, "/recepisse.pdf"), api.Candidat(id));
  ASSERT_EQ(receipt.status, 200) << receipt;
}

testing::CommandResult Purge(ServedApi& api, const std::string& args) {
  return testing::RunCommand(testing::BuiltBinary("dossier") + " purge " + args + " --db '" +
                             api.db().UrlText() + "' --data-dir '" + api.store().data_dir() + "'");
}

// Files of the blob folders and caches that no remaining row accounts for.
std::vector<std::string> Orphans(ServedApi& api) {
  std::set<std::string> keys;
  for (const std::string& key : api.db().Column("SELECT storage_key FROM fichier"))
    keys.insert(key);
  for (const std::string& key :
       api.db().Column("SELECT output_key FROM precheck WHERE output_key IS NOT NULL UNION "
                       "SELECT thumbnail_key FROM precheck WHERE thumbnail_key IS NOT NULL"))
    keys.insert(key);
  std::vector<std::string> ids = api.db().Column("SELECT id FROM candidature");
  std::vector<std::string> orphans;
  for (const std::string& file : FilesUnder(api.store().data_dir())) {
    std::string name = fs::path(file).filename().string();
    bool owned = keys.count(file) > 0;
    for (const std::string& id : ids)
      owned = owned || (file.rfind("dossiers/", 0) == 0 && IsCachedDossierOf(name, id)) ||
              (file.rfind("recepisses/", 0) == 0 && IsCachedReceiptOf(name, id));
    bool blob_or_cache = file.rfind("files/", 0) == 0 || file.rfind("results/", 0) == 0 ||
                         file.rfind("dossiers/", 0) == 0 || file.rfind("recepisses/", 0) == 0;
    if (blob_or_cache && !owned) orphans.push_back(file);
  }
  return orphans;
}

TEST(CandidaturePurge, RemovesEveryRowAndFileOfTheFormationAndKeepsTheOthers) {
  ServedApi api(Settings());
  Transmitted(api, "A1", "Licence A");
  Transmitted(api, "B1", "Licence B");
  CreateWithUpload(api, "A2", "Licence A");  // its job stays queued
  api.Exec(
      "INSERT IGNORE INTO upload_allowance (candidature_id, full_at) VALUES "
      "('A1', UTC_TIMESTAMP(3)), ('B1', UTC_TIMESTAMP(3))");

  std::map<std::string, long long> a1 = RowsOf(api, "A1"), b1 = RowsOf(api, "B1");
  for (const auto& [table, count] : a1) EXPECT_GT(count, 0) << "A1 has no row in " << table;
  std::map<std::string, long long> totals = Totals(api);
  std::set<std::string> files = FilesUnder(api.store().data_dir());
  std::vector<std::string> a1_cache, b1_cache;
  for (const std::string& file : files) {
    std::string name = fs::path(file).filename().string();
    if (IsCachedDossierOf(name, "A1") || IsCachedReceiptOf(name, "A1")) a1_cache.push_back(file);
    if (IsCachedDossierOf(name, "B1") || IsCachedReceiptOf(name, "B1")) b1_cache.push_back(file);
  }
  ASSERT_EQ(a1_cache.size(), 2u);
  ASSERT_EQ(b1_cache.size(), 2u);
  EXPECT_TRUE(Orphans(api).empty());

  testing::CommandResult dry = Purge(api, "--formation 'Licence A' --dry-run");
  ASSERT_EQ(dry.exit_code, 0) << dry.out;
  // A1: its upload, processed PDF, thumbnail, dossier and récépissé PDFs.
  EXPECT_NE(dry.out.find("would purge 1 candidature(s), 1 piece version(s), 5 file(s)"),
            std::string::npos)
      << dry.out;
  EXPECT_NE(dry.out.find("skipped 1 candidature(s) with a job queued or running"),
            std::string::npos)
      << dry.out;
  EXPECT_EQ(Totals(api), totals);
  EXPECT_EQ(FilesUnder(api.store().data_dir()), files);

  testing::CommandResult purge = Purge(api, "--formation 'Licence A'");
  ASSERT_EQ(purge.exit_code, 0) << purge.out;
  EXPECT_NE(purge.out.find("purged 1 candidature(s), 1 piece version(s), 5 file(s)"),
            std::string::npos)
      << purge.out;
  EXPECT_NE(purge.out.find("skipped 1"), std::string::npos) << purge.out;
  // Every table lost exactly A1's rows (totals: no row left behind unjoined).
  for (const auto& [table, count] : totals)
    EXPECT_EQ(Totals(api)[table], count - a1[table]) << table;
  EXPECT_EQ(RowsOf(api, "B1"), b1);
  EXPECT_EQ(api.db().Count("SELECT COUNT(*) FROM candidature WHERE id = 'A2'"), 1);
  std::set<std::string> left = FilesUnder(api.store().data_dir());
  for (const std::string& file : a1_cache) EXPECT_EQ(left.count(file), 0u) << file;
  for (const std::string& file : b1_cache) EXPECT_EQ(left.count(file), 1u) << file;
  EXPECT_EQ(files.size() - left.size(), 5u);
  EXPECT_EQ(Orphans(api), std::vector<std::string>());
  Reply b1_pdf = api.Get(Path("B1", "/dossier.pdf"), api.Gestionnaire());
  EXPECT_EQ(b1_pdf.status, 200) << b1_pdf;
  EXPECT_EQ(testing::PopplerPageCount(b1_pdf.body) > 0, true);
  EXPECT_EQ(api.Get(Path("A1"), api.Gestionnaire()).status, 404);

  // B1's dossier was assembled again (transmitted since): take the files now.
  left = FilesUnder(api.store().data_dir());
  testing::CommandResult again = Purge(api, "--formation 'Licence A'");
  ASSERT_EQ(again.exit_code, 0) << again.out;
  EXPECT_NE(again.out.find("purged 0 candidature(s), 0 piece version(s), 0 file(s), 0 bytes"),
            std::string::npos)
      << again.out;
  EXPECT_EQ(FilesUnder(api.store().data_dir()), left);
}

TEST(CandidaturePurge, AFileAlreadyGoneIsNoErrorSoAnInterruptedRunCanBeFinished) {
  ServedApi api(Settings());
  Transmitted(api, "A1", "Licence A");
  // A run stopped after removing the upload, before the rows.
  std::string key = api.db().Scalar("SELECT storage_key FROM fichier");
  fs::remove(api.store().PathOf(key));
  testing::CommandResult purge = Purge(api, "--formation 'Licence A'");
  ASSERT_EQ(purge.exit_code, 0) << purge.out;
  EXPECT_NE(purge.out.find("purged 1 candidature(s), 1 piece version(s), 4 file(s)"),
            std::string::npos)
      << purge.out;
  EXPECT_EQ(api.db().Count("SELECT COUNT(*) FROM candidature"), 0);
  EXPECT_EQ(Orphans(api), std::vector<std::string>());
}

TEST(CandidaturePurge, BeforeSelectsByLastChangeInUtc) {
  ServedApi api(Settings());
  CreateWithUpload(api, "OLD", "Master X");
  Accept(api, "OLD");
  CreateWithUpload(api, "NEW", "Master X");
  Accept(api, "NEW");
  api.Exec("UPDATE candidature SET updated_at = '2020-06-30 23:59:59.999' WHERE id = 'OLD'");
  api.Exec("UPDATE candidature SET updated_at = '2020-07-01 00:00:00.000' WHERE id = 'NEW'");
  testing::CommandResult purge = Purge(api, "--before 2020-07-01");
  ASSERT_EQ(purge.exit_code, 0) << purge.out;
  EXPECT_NE(purge.out.find("purged 1 candidature(s)"), std::string::npos) << purge.out;
  EXPECT_EQ(api.db().Column("SELECT id FROM candidature"), std::vector<std::string>{"NEW"});
  EXPECT_EQ(api.db().Count("SELECT COUNT(*) FROM piece_version WHERE candidature_id = 'OLD'"), 0);
  EXPECT_EQ(Orphans(api), std::vector<std::string>());
  EXPECT_EQ(FilesUnder(api.store().data_dir()).size(), 3u);  // NEW: upload, PDF, thumbnail
}

TEST(CandidaturePurge, UsageErrorsExitTwoAndTouchNothing) {
  ServedApi api(Settings());
  CreateWithUpload(api, "A1", "Licence A");
  for (const std::string& args :
       {std::string(""), std::string("--dry-run"), std::string("--formation A --before 2020-01-01"),
        std::string("--before 2020-02-30"), std::string("--before 2020-1-01"),
        std::string("--before yesterday"), std::string("--formation"),
        std::string("--formation A --formation B"), std::string("--formation A --everything")}) {
    testing::CommandResult result = Purge(api, args);
    EXPECT_EQ(result.exit_code, 2) << args << ": " << result.out;
    EXPECT_NE(result.out.find("usage: dossier purge"), std::string::npos) << args;
  }
  EXPECT_EQ(api.db().Count("SELECT COUNT(*) FROM candidature"), 1);
}

TEST(CachedPdfNames, MatchOneCandidatureExactly) {
  const std::string hex(64, 'a');
  EXPECT_TRUE(IsCachedDossierOf("a-" + hex + ".pdf", "a"));
  EXPECT_FALSE(IsCachedDossierOf("a-b-" + hex + ".pdf", "a"));
  EXPECT_TRUE(IsCachedDossierOf("a-b-" + hex + ".pdf", "a-b"));
  EXPECT_TRUE(IsCachedReceiptOf("a-12-r1.pdf", "a"));
  EXPECT_FALSE(IsCachedReceiptOf("a-5-12-r1.pdf", "a"));  // candidature "a-5"
  EXPECT_FALSE(IsCachedReceiptOf("a-5-" + hex + ".pdf", "a"));
  EXPECT_TRUE(IsCachedReceiptOf("a-5-12-r1.pdf", "a-5"));
  EXPECT_FALSE(IsCachedReceiptOf("a-12-r1.pdf.part", "a"));
}

TEST(CandidaturePurge, IsIsoDateNamesARealDay) {
  EXPECT_TRUE(IsIsoDate("2024-02-29"));
  EXPECT_FALSE(IsIsoDate("2023-02-29"));
  EXPECT_FALSE(IsIsoDate("2024-13-01"));
  EXPECT_FALSE(IsIsoDate("2024-04-31"));
  EXPECT_FALSE(IsIsoDate("2024-04-3"));
}

}  // namespace
}  // namespace dossier
