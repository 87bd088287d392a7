#include "server/http/HttpStatusOf.h"

namespace dossier {

int HttpStatusOf(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidJson:
    case ErrorCode::kInvalidField:
    case ErrorCode::kInvalidFlag:
    case ErrorCode::kInvalidParameter:
    case ErrorCode::kInvalidId:
    case ErrorCode::kInvalidIdempotencyKey:
    case ErrorCode::kInvalidIne:
    case ErrorCode::kInvalidStatus:
    case ErrorCode::kInvalidDecision:
    case ErrorCode::kCommentRequired:
    case ErrorCode::kUnknownPiece:
    case ErrorCode::kDuplicatePiece:
    case ErrorCode::kEmpty:
    case ErrorCode::kMalformed:
    case ErrorCode::kNoFile:
    case ErrorCode::kNotMultipart:
    case ErrorCode::kTruncated:
    case ErrorCode::kAmbiguousFraming:
    case ErrorCode::kBadContentLength:
    case ErrorCode::kBadHeader:
    case ErrorCode::kBadRequestLine:
      return 400;
    case ErrorCode::kUnauthorized:
    case ErrorCode::kTokenExpired:
      return 401;
    case ErrorCode::kForbidden:
      return 403;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kMethodNotAllowed:
      return 405;
    case ErrorCode::kHeadTimeout:
      return 408;
    case ErrorCode::kIdempotencyConflict:
    case ErrorCode::kCandidatureClosed:
    case ErrorCode::kNotConditional:
    case ErrorCode::kNotProcessed:
    case ErrorCode::kNotTransmittable:
    case ErrorCode::kNotTransmitted:
    case ErrorCode::kPieceNotTransmitted:
    case ErrorCode::kPieceValidated:
    case ErrorCode::kPiecesMissing:
    case ErrorCode::kPiecesNotValidated:
      return 409;
    case ErrorCode::kTooLarge:
    case ErrorCode::kTooManyFiles:
    case ErrorCode::kQuotaExceeded:
      return 413;
    case ErrorCode::kFormat:
      return 415;
    case ErrorCode::kTooManyUploads:
      return 429;
    case ErrorCode::kHeadTooLarge:
      return 431;
    case ErrorCode::kInternalError:
      return 500;
    case ErrorCode::kUnsupportedTransferCoding:
      return 501;
    case ErrorCode::kBusy:
    case ErrorCode::kTooManyConnections:
    case ErrorCode::kStorageFull:
    case ErrorCode::kDatabaseUnavailable:
    case ErrorCode::kStopping:
      return 503;
    case ErrorCode::kHttpVersion:
      return 505;
  }
  return 500;
}

}  // namespace dossier
