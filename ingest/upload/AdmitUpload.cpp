#include "ingest/upload/AdmitUpload.h"

#include <cppconn/resultset.h>

#include <optional>
#include <stdexcept>

#include "core/errors/ClientError.h"
#include "core/messages/ApiMessages.h"
#include "core/messages/UploadMessages.h"
#include "ingest/upload/CommitUpload.h"
#include "ingest/upload/KeptBytes.h"
#include "ingest/upload/UploadAllowance.h"
#include "store/db/BoundStatement.h"
#include "workflow/Transitions.h"
#include "workflow/policy/PieceTypesTable.h"

namespace dossier {
namespace {

struct StoredStatuses {
  CandidatureStatus candidature;
  PieceStatus piece;
};

// The statuses of the candidature and of its pièce, read without a lock:
// CommitUpload reads them again under its locks.
StoredStatuses ReadStatuses(sql::Connection& connection, const UploadRequest& request) {
  auto row = BoundStatement(connection,
                            "SELECT c.status, p.status FROM candidature c "
                            "LEFT JOIN pj_cand p ON p.candidature_id = c.id AND p.piece_code = ? "
                            "WHERE c.id = ?")
                 .Bind(request.piece_code)
                 .Bind(request.candidature_id)
                 .Query();
  if (!row->next())
    throw ClientError(ErrorCode::kNotFound, messages::CandidatureNotFound(), ContextOf(request));
  if (row->isNull(2))
    throw ClientError(ErrorCode::kNotFound, messages::PieceNotRequired(), ContextOf(request));
  std::string candidature_code = row->getString(1);
  std::string piece_code = row->getString(2);
  std::optional<CandidatureStatus> candidature = ParseCandidatureStatus(candidature_code);
  std::optional<PieceStatus> piece = ParsePieceStatus(piece_code);
  // The schema's CHECK keeps other codes out: a corrupt row.
  if (!candidature || !piece)
    throw std::runtime_error(ContextOf(request) + ": unknown status '" + candidature_code + "'/'" +
                             piece_code + "'");
  return {*candidature, *piece};
}

// A key already acknowledged for this candidature: a retry of this pièce's
// upload, or a key reused for another pièce (CommitUpload would answer the
// same conflict once the body is read).
bool IsAcknowledgedRetry(sql::Connection& connection, const UploadRequest& request) {
  if (request.idempotency_key.empty()) return false;
  std::optional<UploadAck> stored =
      FindIdempotentUpload(connection, request.candidature_id, request.idempotency_key);
  if (!stored) return false;
  if (stored->piece_code != request.piece_code)
    throw ClientError(ErrorCode::kIdempotencyConflict, IdempotencyConflictMessage(),
                      ContextOf(request) + ", key already used for pièce " + stored->piece_code);
  return true;
}

// What the candidature keeps, with what this request announces, stays within
// its bound. A chunked body announces nothing: CommitUpload counts it.
void CheckAnnouncedBytes(sql::Connection& connection, const UploadRequest& request,
                         const CandidatureQuota& quota) {
  if (!request.content_length) return;
  std::uint64_t kept =
      KeptBytes(connection, request.candidature_id, request.piece_code, quota.kept_versions);
  if (kept + *request.content_length > quota.max_kept_bytes)
    throw ClientError(ErrorCode::kQuotaExceeded, QuotaExceededMessage(quota.max_kept_bytes),
                      ContextOf(request) + ": " + std::to_string(kept) + " bytes kept, " +
                          std::to_string(*request.content_length) + " announced, limit " +
                          std::to_string(quota.max_kept_bytes));
}

void TakeAllowance(sql::Connection& connection, const UploadRequest& request,
                   const CandidatureQuota& quota) {
  int wait = TakeUploadAllowance(connection, request.candidature_id, quota);
  if (wait > 0)
    throw ClientError(ErrorCode::kTooManyUploads, messages::TooManyUploads(wait),
                      ContextOf(request) + ": next upload in " + std::to_string(wait) + " s")
        .RetryAfter(wait);
}

}  // namespace

PieceType AdmitUpload(sql::Connection& connection, const UploadRequest& request,
                      const PiecePolicy& policy, const CandidatureQuota& quota) {
  std::optional<PieceType> type = LoadPieceType(connection, request.piece_code, policy);
  if (!type)
    throw ClientError(ErrorCode::kNotFound, messages::PieceNotRequired(),
                      ContextOf(request) + ": no such pièce type");
  StoredStatuses statuses = ReadStatuses(connection, request);
  if (IsAcknowledgedRetry(connection, request)) return *type;
  // CommitUpload applies the same rule under its locks: the same error.
  if (std::optional<ClientError> refusal =
          CheckReplace(statuses.candidature, statuses.piece, type->rules.label))
    throw *refusal;
  CheckAnnouncedBytes(connection, request, quota);
  TakeAllowance(connection, request, quota);
  return *type;
}

}  // namespace dossier
