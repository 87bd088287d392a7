#include "ingest/upload/AdmitUpload.h"

#include <optional>

#include "core/errors/ClientError.h"
#include "core/messages/ApiMessages.h"
#include "core/messages/UploadMessages.h"
#include "ingest/upload/CommitUpload.h"
#include "ingest/upload/KeptBytes.h"
#include "ingest/upload/UploadAllowance.h"
#include "store/db/BoundStatement.h"
#include "workflow/Transitions.h"
#include "workflow/WorkflowRows.h"
#include "workflow/policy/PieceTypesTable.h"

namespace dossier {
namespace {

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
  // Read without a lock: CommitUpload reads them again under its locks and
  // applies the same rule, with the same error.
  CandidatureRow candidature = FindCandidature(connection, request.candidature_id);
  PieceRow piece = FindPiece(connection, request.candidature_id, request.piece_code);
  if (IsAcknowledgedRetry(connection, request)) return *type;
  if (std::optional<ClientError> refusal =
          CheckReplace(candidature.status, piece.status, type->rules.label))
    throw *refusal;
  CheckAnnouncedBytes(connection, request, quota);
  TakeAllowance(connection, request, quota);
  return *type;
}

}  // namespace dossier
