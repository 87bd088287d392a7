#pragma once

namespace dossier {

// Every reason the service gives a client for not doing what it asked. The
// name (ErrorCodeName) is the machine code of the API's error bodies and
// logs, kept stable for clients; the HTTP status of each is decided once, at
// the edge (server/http/HttpStatusOf.h).
enum class ErrorCode {
  // The request itself.
  kInvalidJson,
  kInvalidField,
  kInvalidFlag,
  kInvalidParameter,
  kInvalidId,
  kInvalidIdempotencyKey,
  kInvalidIne,
  kInvalidStatus,
  kInvalidDecision,
  kCommentRequired,
  kUnknownPiece,
  kDuplicatePiece,
  kNotFound,
  kMethodNotAllowed,
  kIdempotencyConflict,
  // Who asks.
  kUnauthorized,
  kTokenExpired,
  kForbidden,
  // The workflow (workflow/Transitions.h).
  kCandidatureClosed,
  kNotConditional,
  kNotProcessed,
  kNotTransmittable,
  kNotTransmitted,
  kPieceNotTransmitted,
  kPieceValidated,
  kPiecesMissing,
  kPiecesNotValidated,
  // An upload's body.
  kEmpty,
  kMalformed,
  kNoFile,
  kNotMultipart,
  kTruncated,
  kTooLarge,
  kTooManyFiles,
  kQuotaExceeded,
  kFormat,
  kTooManyUploads,
  // The request head, at the door.
  kAmbiguousFraming,
  kBadContentLength,
  kBadHeader,
  kBadRequestLine,
  kHeadTimeout,
  kHeadTooLarge,
  kHttpVersion,
  kUnsupportedTransferCoding,
  // The service, not the client.
  kBusy,
  kTooManyConnections,
  kStorageFull,
  kDatabaseUnavailable,
  kStopping,
  kInternalError,  // stays last: kErrorCodeCount counts on it
};

// How many codes there are: ErrorCode values are 0 .. kErrorCodeCount - 1.
constexpr int kErrorCodeCount = static_cast<int>(ErrorCode::kInternalError) + 1;

// "not_found", "pieces_missing", …
const char* ErrorCodeName(ErrorCode code);

}  // namespace dossier
