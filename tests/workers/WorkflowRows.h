// Rows of the workflow database as an upload leaves them, written with SQL
// for the queue and worker tests: a pièce type, a candidature with its pièce
// (TR), a version with its files in the store, and its queued job.
#pragma once

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/input/InputFile.h"
#include "store/blobs/BlobStore.h"

namespace dossier::test {

inline std::unique_ptr<sql::PreparedStatement> Prepare(sql::Connection& connection,
                                                       const std::string& text) {
  return std::unique_ptr<sql::PreparedStatement>(connection.prepareStatement(text));
}

inline std::int64_t LastInsertId(sql::Connection& connection) {
  auto query = Prepare(connection, "SELECT LAST_INSERT_ID()");
  std::unique_ptr<sql::ResultSet> row(query->executeQuery());
  row->next();
  return row->getInt64(1);
}

struct PieceTypeRow {
  std::string code = "cv";
  std::string label = "CV";
  std::int64_t max_bytes = 2'000'000;
  std::string formats = "pdf,jpeg,png";
  bool check_ine = false;
};

inline void InsertPieceType(sql::Connection& connection, const PieceTypeRow& type) {
  auto insert = Prepare(connection,
                        "INSERT INTO piece_justif (code, label, max_bytes, max_pages, formats, "
                        "target_dpi, check_ine, conditional) VALUES (?, ?, ?, 100, ?, 200, ?, 0)");
  insert->setString(1, type.code);
  insert->setString(2, type.label);
  insert->setInt64(3, type.max_bytes);
  insert->setString(4, type.formats);
  insert->setBoolean(5, type.check_ine);
  insert->executeUpdate();
}

// A candidature (with an e-mail address, for the outbox) and its pièce
// `code`, status TR at version 1.
inline void InsertCandidature(sql::Connection& connection, const std::string& id,
                              const std::string& code) {
  auto candidature = Prepare(connection,
                             "INSERT INTO candidature (id, formation, ine, email, status, "
                             "created_at, updated_at) VALUES (?, 'Licence Informatique', "
                             "'1234567890V', 'camille.martin@example.org', 'AT', "
                             "UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))");
  candidature->setString(1, id);
  candidature->executeUpdate();
  auto piece = Prepare(connection,
                       "INSERT INTO pj_cand (candidature_id, piece_code, status, current_version, "
                       "updated_at) VALUES (?, ?, 'TR', 1, UTC_TIMESTAMP(3))");
  piece->setString(1, id);
  piece->setString(2, code);
  piece->executeUpdate();
}

struct QueuedPiece {
  std::int64_t piece_version_id = 0;
  std::int64_t job_id = 0;
};

// Version `version` of the pièce, its files written to `store` (when given)
// and its queued job, due now.
inline QueuedPiece InsertQueuedVersion(sql::Connection& connection, const std::string& candidature,
                                       const std::string& code, int version,
                                       const std::vector<InputFile>& files = {},
                                       const BlobStore* store = nullptr) {
  QueuedPiece queued;
  auto piece_version = Prepare(connection,
                               "INSERT INTO piece_version (candidature_id, piece_code, version, "
                               "created_at) VALUES (?, ?, ?, UTC_TIMESTAMP(3))");
  piece_version->setString(1, candidature);
  piece_version->setString(2, code);
  piece_version->setInt(3, version);
  piece_version->executeUpdate();
  queued.piece_version_id = LastInsertId(connection);
  for (std::size_t i = 0; i < files.size(); ++i) {
    std::string key = store ? store->NewKey("files") : "files/00/missing";
    if (store) store->WriteDurably(key, files[i].bytes);
    auto fichier = Prepare(connection,
                           "INSERT INTO fichier (piece_version_id, position, original_name, "
                           "size_bytes, sniffed_type, sha256, storage_key, created_at) "
                           "VALUES (?, ?, ?, ?, 'pdf', REPEAT('0', 64), ?, UTC_TIMESTAMP(3))");
    fichier->setInt64(1, queued.piece_version_id);
    fichier->setInt(2, static_cast<int>(i));
    fichier->setString(3, files[i].name);
    fichier->setInt64(4, static_cast<std::int64_t>(files[i].bytes.size()));
    fichier->setString(5, key);
    fichier->executeUpdate();
  }
  auto job = Prepare(connection,
                     "INSERT INTO job (piece_version_id, run_after, created_at) "
                     "VALUES (?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))");
  job->setInt64(1, queued.piece_version_id);
  job->executeUpdate();
  queued.job_id = LastInsertId(connection);
  return queued;
}

}  // namespace dossier::test
