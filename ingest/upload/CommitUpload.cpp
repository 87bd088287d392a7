#include "ingest/upload/CommitUpload.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <cppconn/connection.h>
#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <memory>
#include <sstream>

#include "core/errors/ClientError.h"
#include "core/messages/ApiMessages.h"
#include "core/messages/UploadMessages.h"
#include "ingest/upload/KeptBytes.h"
#include "ingest/upload/Sha256.h"
#include "store/db/Transaction.h"
#include "workflow/PieceStatus.h"
#include "workflow/Transitions.h"
#include "workflow/WorkflowRows.h"
#include "workflow/history/RecordHistory.h"

namespace dossier {
namespace {

constexpr int kDuplicateKey = 1062;         // ER_DUP_ENTRY, MariaDB and MySQL alike
constexpr std::size_t kMaxKeyLength = 128;  // upload_request.idem_key

using Statement = std::unique_ptr<sql::PreparedStatement>;
using Rows = std::unique_ptr<sql::ResultSet>;

Statement Prepare(sql::Connection& connection, const char* query) {
  return Statement(connection.prepareStatement(query));
}

// What an Idempotency-Key stands for: the pièce and the files' contents, in
// order. Hashes are fixed-length, so their concatenation is unambiguous.
std::string RequestHash(const std::string& piece_code, const std::vector<ReceivedFile>& files) {
  Sha256 hash;
  for (const ReceivedFile& file : files) hash.Update(file.sha256);
  hash.Update(piece_code);
  return hash.Hex();
}

struct StoredRequest {
  std::string request_sha256;
  UploadAck ack;
};

std::optional<StoredRequest> ReadStoredRequest(sql::Connection& connection,
                                               const std::string& candidature_id,
                                               const std::string& key, bool lock) {
  std::string query =
      "SELECT u.request_sha256, u.piece_version_id, u.piece_code, u.response, pv.version, "
      "COALESCE(j.id, 0) FROM upload_request u "
      "JOIN piece_version pv ON pv.id = u.piece_version_id "
      "LEFT JOIN job j ON j.piece_version_id = u.piece_version_id "
      "WHERE u.candidature_id = ? AND u.idem_key = ?";
  if (lock) query += " FOR UPDATE";
  Statement select = Prepare(connection, query.c_str());
  select->setString(1, candidature_id);
  select->setString(2, key);
  Rows rows(select->executeQuery());
  if (!rows->next()) return std::nullopt;
  StoredRequest stored;
  stored.request_sha256 = rows->getString(1);
  stored.ack.piece_version_id = rows->getInt64(2);
  stored.ack.piece_code = rows->getString(3);
  stored.ack.response_json = rows->getString(4);
  stored.ack.version = rows->getInt(5);
  stored.ack.job_id = rows->getInt64(6);
  stored.ack.replayed = true;
  return stored;
}

// The first answer again when the files are the same, a conflict otherwise.
UploadAck Replay(const StoredRequest& stored, const std::string& candidature_id,
                 const std::string& request_sha256) {
  if (stored.request_sha256 != request_sha256)
    throw ClientError(ErrorCode::kIdempotencyConflict, IdempotencyConflictMessage(),
                      "candidature " + candidature_id + ", key first used for pièce " +
                          stored.ack.piece_code + " with other files");
  return stored.ack;
}

// What the candidature keeps, with these files, stays within its bound. A
// replay never comes here: it stores nothing.
void CheckKeptBytes(sql::Connection& connection, const std::string& candidature_id,
                    const std::string& piece_code, const std::vector<ReceivedFile>& files,
                    const CandidatureQuota& quota) {
  std::uint64_t incoming = 0;
  for (const ReceivedFile& file : files) incoming += file.size;
  std::uint64_t kept = KeptBytes(connection, candidature_id, piece_code, quota.kept_versions);
  if (kept + incoming > quota.max_kept_bytes)
    throw ClientError(ErrorCode::kQuotaExceeded, QuotaExceededMessage(quota.max_kept_bytes),
                      "candidature " + candidature_id + ", pièce " + piece_code + ": " +
                          std::to_string(kept) + " bytes kept, " + std::to_string(incoming) +
                          " received, limit " + std::to_string(quota.max_kept_bytes));
}

std::int64_t LastInsertId(sql::Connection& connection) {
  Statement select = Prepare(connection, "SELECT LAST_INSERT_ID()");
  Rows rows(select->executeQuery());
  rows->next();
  return rows->getInt64(1);
}

std::int64_t InsertVersion(sql::Connection& connection, const std::string& candidature_id,
                           const std::string& piece_code, int version) {
  Statement insert = Prepare(connection,
                             "INSERT INTO piece_version (candidature_id, piece_code, version, "
                             "created_at) VALUES (?, ?, ?, UTC_TIMESTAMP(3))");
  insert->setString(1, candidature_id);
  insert->setString(2, piece_code);
  insert->setInt(3, version);
  insert->executeUpdate();
  return LastInsertId(connection);
}

void InsertFiles(sql::Connection& connection, std::int64_t piece_version_id,
                 const std::vector<ReceivedFile>& files) {
  Statement insert = Prepare(connection,
                             "INSERT INTO fichier (piece_version_id, position, original_name, "
                             "size_bytes, sniffed_type, sha256, storage_key, created_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(3))");
  for (std::size_t i = 0; i < files.size(); ++i) {
    insert->setInt64(1, piece_version_id);
    insert->setInt(2, static_cast<int>(i + 1));  // upload order, from 1: the merge order
    insert->setString(3, files[i].original_name);
    insert->setInt64(4, static_cast<std::int64_t>(files[i].size));
    insert->setString(5, files[i].sniffed_type);
    insert->setString(6, files[i].sha256);
    insert->setString(7, files[i].storage_key);
    insert->executeUpdate();
  }
}

std::int64_t InsertJob(sql::Connection& connection, std::int64_t piece_version_id) {
  Statement insert = Prepare(connection,
                             "INSERT INTO job (piece_version_id, state, run_after, created_at) "
                             "VALUES (?, 'queued', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))");
  insert->setInt64(1, piece_version_id);
  insert->executeUpdate();
  return LastInsertId(connection);
}

void MarkTransmitted(sql::Connection& connection, const std::string& candidature_id,
                     const std::string& piece_code, int version) {
  Statement update = Prepare(connection,
                             "UPDATE pj_cand SET status = ?, comment = NULL, current_version = ?, "
                             "updated_at = UTC_TIMESTAMP(3) "
                             "WHERE candidature_id = ? AND piece_code = ?");
  update->setString(1, Code(PieceStatus::kTransmise));
  update->setInt(2, version);
  update->setString(3, candidature_id);
  update->setString(4, piece_code);
  update->executeUpdate();
}

void RememberRequest(sql::Connection& connection, const std::string& candidature_id,
                     const std::string& key, const std::string& request_sha256,
                     const UploadAck& ack) {
  Statement insert = Prepare(connection,
                             "INSERT INTO upload_request (candidature_id, idem_key, piece_code, "
                             "request_sha256, piece_version_id, response, created_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(3))");
  insert->setString(1, candidature_id);
  insert->setString(2, key);
  insert->setString(3, ack.piece_code);
  insert->setString(4, request_sha256);
  insert->setInt64(5, ack.piece_version_id);
  insert->setString(6, ack.response_json);
  insert->executeUpdate();
}

std::string AckJson(const std::string& candidature_id, const UploadAck& ack,
                    const std::vector<ReceivedFile>& files) {
  Poco::JSON::Array::Ptr listed = new Poco::JSON::Array;
  for (const ReceivedFile& file : files) {
    Poco::JSON::Object::Ptr entry = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    entry->set("name", file.original_name);
    entry->set("type", file.sniffed_type);
    entry->set("bytes", static_cast<Poco::UInt64>(file.size));
    entry->set("sha256", file.sha256);
    listed->add(entry);
  }
  Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
  body.set("candidature", candidature_id);
  body.set("piece", ack.piece_code);
  body.set("version", ack.version);
  body.set("job", static_cast<Poco::Int64>(ack.job_id));
  body.set("status", std::string(Code(PieceStatus::kTransmise)));
  body.set("files", listed);
  body.set("message", UploadReceivedMessage(files.size()));
  std::ostringstream out;
  body.stringify(out);
  return out.str();
}

// The history's comment for an upload: the files' names, in upload order.
std::string FileNames(const std::vector<ReceivedFile>& files) {
  std::string names;
  for (const ReceivedFile& file : files) names += (names.empty() ? "" : ", ") + file.original_name;
  return names;
}

UploadAck CommitInTransaction(sql::Connection& connection, const std::string& candidature_id,
                              const std::string& piece_code, const std::vector<ReceivedFile>& files,
                              const std::string& key, const std::string& request_sha256,
                              const CandidatureQuota& quota, const std::string& actor) {
  Transaction transaction(connection);
  CandidatureRow candidature = LockCandidature(connection, candidature_id);
  if (!key.empty()) {
    if (auto stored = ReadStoredRequest(connection, candidature_id, key, true))
      return Replay(*stored, candidature_id, request_sha256);
  }
  PieceRow piece = LockPiece(connection, candidature_id, piece_code);
  // The rule AdmitUpload applied before the body, again under the locks: the
  // statuses may have changed while the body was on its way.
  if (std::optional<ClientError> refusal =
          CheckReplace(candidature.status, piece.status, piece.label))
    throw *refusal;
  CheckKeptBytes(connection, candidature_id, piece_code, files, quota);

  UploadAck ack;
  ack.piece_code = piece_code;
  ack.version = piece.version + 1;
  ack.piece_version_id = InsertVersion(connection, candidature_id, piece_code, ack.version);
  InsertFiles(connection, ack.piece_version_id, files);
  ack.job_id = InsertJob(connection, ack.piece_version_id);
  MarkTransmitted(connection, candidature_id, piece_code, ack.version);
  RecordHistory(connection, PieceEntry(candidature_id, actor, HistoryKind::kUpload, piece_code,
                                       piece.status, PieceStatus::kTransmise, FileNames(files)));
  ack.response_json = AckJson(candidature_id, ack, files);
  if (!key.empty()) RememberRequest(connection, candidature_id, key, request_sha256, ack);
  transaction.Commit();
  return ack;
}

}  // namespace

UploadAck CommitUpload(sql::Connection& connection, const std::string& candidature_id,
                       const std::string& piece_code, const std::vector<ReceivedFile>& files,
                       const std::string& idempotency_key, const CandidatureQuota& quota,
                       const std::string& actor) {
  if (idempotency_key.size() > kMaxKeyLength)
    throw ClientError(ErrorCode::kInvalidIdempotencyKey, messages::InvalidIdempotencyKey(),
                      "candidature " + candidature_id + ": a key of " +
                          std::to_string(idempotency_key.size()) + " characters");
  std::string request_sha256 = RequestHash(piece_code, files);
  try {
    return CommitInTransaction(connection, candidature_id, piece_code, files, idempotency_key,
                               request_sha256, quota, actor);
  } catch (const sql::SQLException& error) {
    if (idempotency_key.empty() || error.getErrorCode() != kDuplicateKey) throw;
    // The same key committed by a concurrent request in the meantime: its
    // answer is this one's (the transaction above was rolled back).
    auto stored = ReadStoredRequest(connection, candidature_id, idempotency_key, false);
    if (!stored) throw;
    return Replay(*stored, candidature_id, request_sha256);
  }
}

std::optional<UploadAck> FindIdempotentUpload(sql::Connection& connection,
                                              const std::string& candidature_id,
                                              const std::string& idempotency_key) {
  if (idempotency_key.empty() || idempotency_key.size() > kMaxKeyLength) return std::nullopt;
  auto stored = ReadStoredRequest(connection, candidature_id, idempotency_key, false);
  if (!stored) return std::nullopt;
  return stored->ack;
}

}  // namespace dossier
