#include "workflow/retention/CandidaturePurge.h"

#include <cppconn/resultset.h>

#include <cctype>
#include <filesystem>
#include <stdexcept>
#include <system_error>
#include <vector>

#include "store/blobs/BlobStore.h"
#include "store/db/BoundStatement.h"
#include "store/db/Transaction.h"
#include "workflow/retention/CachedPdfNames.h"

namespace dossier {
namespace fs = std::filesystem;
namespace {

// Children before parents (the foreign keys), the candidature last.
const char* const kDeletions[] = {
    "DELETE r FROM job_run r JOIN job j ON j.id = r.job_id "
    "JOIN piece_version v ON v.id = j.piece_version_id WHERE v.candidature_id = ?",
    "DELETE p FROM precheck p JOIN piece_version v ON v.id = p.piece_version_id "
    "WHERE v.candidature_id = ?",
    "DELETE j FROM job j JOIN piece_version v ON v.id = j.piece_version_id "
    "WHERE v.candidature_id = ?",
    "DELETE f FROM fichier f JOIN piece_version v ON v.id = f.piece_version_id "
    "WHERE v.candidature_id = ?",
    "DELETE FROM upload_request WHERE candidature_id = ?",
    "DELETE FROM piece_version WHERE candidature_id = ?",
    "DELETE FROM pj_cand WHERE candidature_id = ?",
    "DELETE FROM outbox WHERE candidature_id = ?",
    "DELETE FROM recepisse WHERE candidature_id = ?",
    "DELETE FROM historique WHERE candidature_id = ?",
    "DELETE FROM upload_allowance WHERE candidature_id = ?",
    "DELETE FROM candidature WHERE id = ?",
};

std::vector<std::string> SelectedIds(sql::Connection& connection, const PurgeSelection& selection) {
  bool by_formation = !selection.formation.empty();
  BoundStatement select(connection,
                        by_formation ? "SELECT id FROM candidature WHERE formation = ? ORDER BY id"
                                     : "SELECT id FROM candidature "
                                       "WHERE updated_at < CAST(? AS DATETIME) ORDER BY id");
  select.Bind(by_formation ? selection.formation : selection.before);
  std::unique_ptr<sql::ResultSet> rows = select.Query();
  std::vector<std::string> ids;
  while (rows->next()) ids.push_back(rows->getString(1));
  return ids;
}

std::int64_t CountOf(sql::Connection& connection, const std::string& query, const std::string& id) {
  std::unique_ptr<sql::ResultSet> rows = BoundStatement(connection, query).Bind(id).Query();
  return rows->next() ? rows->getInt64(1) : 0;
}

bool HasJobInFlight(sql::Connection& connection, const std::string& id) {
  return CountOf(connection,
                 "SELECT COUNT(*) FROM job j JOIN piece_version v ON v.id = j.piece_version_id "
                 "WHERE v.candidature_id = ? AND j.state IN ('queued', 'running')",
                 id) > 0;
}

// Locks the candidature's row; false when another run deleted it meanwhile.
bool LockCandidature(sql::Connection& connection, const std::string& id) {
  return BoundStatement(connection, "SELECT id FROM candidature WHERE id = ? FOR UPDATE")
      .Bind(id)
      .Query()
      ->next();
}

// The paths of the keys in the `columns` first columns of `query`'s rows.
void AddPathsOfKeys(sql::Connection& connection, const BlobStore& store, const std::string& query,
                    int columns, const std::string& id, std::vector<fs::path>& paths) {
  std::unique_ptr<sql::ResultSet> rows = BoundStatement(connection, query).Bind(id).Query();
  while (rows->next())
    for (int column = 1; column <= columns; ++column)
      if (!rows->isNull(column)) paths.emplace_back(store.PathOf(rows->getString(column)));
}

void AddCachedPdfs(const fs::path& dir, const std::string& id,
                   bool (*is_of)(const std::string&, const std::string&),
                   std::vector<fs::path>& paths) {
  std::error_code error;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, error))
    if (is_of(entry.path().filename().string(), id)) paths.push_back(entry.path());
}

// Every file of the candidature in the data directory, present or not.
std::vector<fs::path> FilesOf(sql::Connection& connection, const BlobStore& store,
                              const std::string& id) {
  std::vector<fs::path> paths;
  AddPathsOfKeys(connection, store,
                 "SELECT f.storage_key FROM fichier f "
                 "JOIN piece_version v ON v.id = f.piece_version_id WHERE v.candidature_id = ?",
                 1, id, paths);
  AddPathsOfKeys(connection, store,
                 "SELECT p.output_key, p.thumbnail_key FROM precheck p "
                 "JOIN piece_version v ON v.id = p.piece_version_id WHERE v.candidature_id = ?",
                 2, id, paths);
  const fs::path data(store.data_dir());
  AddCachedPdfs(data / "dossiers", id, IsCachedDossierOf, paths);
  AddCachedPdfs(data / "recepisses", id, IsCachedReceiptOf, paths);
  return paths;
}

// Counts the files present; removes them unless `dry_run`. A file already
// gone is not an error (a previous run, or the pruning of old versions);
// any other failure stops before the rows are touched.
void TakeFiles(const std::vector<fs::path>& paths, bool dry_run, PurgeCounts& counts) {
  for (const fs::path& path : paths) {
    std::error_code error;
    std::uintmax_t size = fs::file_size(path, error);
    if (error) continue;
    if (!dry_run && !fs::remove(path, error) && error)
      throw std::runtime_error("cannot remove " + path.string() + ": " + error.message());
    counts.files += 1;
    counts.bytes += size;
  }
}

const char kVersionCount[] = "SELECT COUNT(*) FROM piece_version WHERE candidature_id = ?";

void CountOne(sql::Connection& connection, const BlobStore& store, const std::string& id,
              PurgeCounts& counts) {
  if (HasJobInFlight(connection, id)) {
    counts.skipped += 1;
    return;
  }
  TakeFiles(FilesOf(connection, store, id), true, counts);
  counts.piece_versions += CountOf(connection, kVersionCount, id);
  counts.candidatures += 1;
}

void PurgeOne(sql::Connection& connection, const BlobStore& store, const std::string& id,
              PurgeCounts& counts) {
  Transaction transaction(connection);
  if (!LockCandidature(connection, id)) return;
  if (HasJobInFlight(connection, id)) {
    counts.skipped += 1;
    return;
  }
  // Under the lock no upload can add a file we would not see.
  PurgeCounts taken;
  TakeFiles(FilesOf(connection, store, id), false, taken);
  taken.piece_versions = CountOf(connection, kVersionCount, id);
  for (const char* deletion : kDeletions) BoundStatement(connection, deletion).Bind(id).Update();
  transaction.Commit();
  counts.candidatures += 1;
  counts.piece_versions += taken.piece_versions;
  counts.files += taken.files;
  counts.bytes += taken.bytes;
}

bool Digits(const std::string& text, std::size_t from, std::size_t count) {
  for (std::size_t i = from; i < from + count; ++i)
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  return true;
}

}  // namespace

bool IsIsoDate(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  if (!Digits(text, 0, 4) || !Digits(text, 5, 2) || !Digits(text, 8, 2)) return false;
  int year = std::stoi(text.substr(0, 4)), month = std::stoi(text.substr(5, 2)),
      day = std::stoi(text.substr(8, 2));
  if (year < 1970 || month < 1 || month > 12 || day < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

PurgeCounts PurgeCandidatures(sql::Connection& connection, const BlobStore& store,
                              const PurgeSelection& selection, bool dry_run) {
  if (selection.formation.empty() == selection.before.empty() ||
      (!selection.before.empty() && !IsIsoDate(selection.before)))
    throw std::invalid_argument("purge: exactly one of a formation or a valid date");
  PurgeCounts counts;
  for (const std::string& id : SelectedIds(connection, selection)) {
    if (dry_run)
      CountOne(connection, store, id, counts);
    else
      PurgeOne(connection, store, id, counts);
  }
  return counts;
}

}  // namespace dossier
