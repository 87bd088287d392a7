#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/String.h>

#include "core/errors/ClientError.h"
#include "core/messages/ApiMessages.h"
#include "ingest/upload/PieceUpload.h"
#include "server/http/RequestContext.h"
#include "server/http/ServiceResources.h"
#include "server/routes/PathParams.h"
#include "server/routes/RouteHandlers.h"
#include "store/db/ConnectionPool.h"

namespace dossier {
namespace {

// After a multipart body's closing boundary, what a client may still send
// (an epilogue) is read so that the connection can be reused.
constexpr std::uint64_t kEpilogueAllowance = 64 * 1024;

std::string IdempotencyKey(RequestContext& context) {
  const Poco::Net::HTTPServerRequest& request = context.request();
  if (!request.has("Idempotency-Key")) return "";
  std::string key = Poco::trim(request.get("Idempotency-Key"));
  bool printable = !key.empty() && key.size() <= 128;
  for (char c : key) printable = printable && c > 0x20 && c < 0x7f;
  if (!printable)
    throw ClientError(ErrorCode::kInvalidIdempotencyKey, messages::InvalidIdempotencyKey());
  return key;
}

UploadRequest ParseUploadRequest(RequestContext& context) {
  UploadRequest upload;
  upload.candidature_id = CandidatureIdParam(context);
  upload.piece_code = PieceCodeParam(context);
  // A retry with its Idempotency-Key is read like any upload: the upload
  // answers the first acknowledgement when the files are the same, and 409
  // when a client reused the key for other files (never a silent drop).
  upload.idempotency_key = IdempotencyKey(context);
  upload.content_type = context.request().getContentType();
  upload.content_length = context.ContentLength();
  upload.actor = context.Actor();
  return upload;
}

// Refusals about the body itself (its size, the candidature's bytes, the
// upload rate) leave it unread: a client that sends it anyway is not worth
// the bytes, and they would be taken for the next request on the connection,
// which is closed after the answer. Other refusals are answered like any
// error (the dispatcher reads a small body on, so that the client gets the
// answer).
bool LeavesBodyUnread(ErrorCode code) {
  return code == ErrorCode::kTooLarge || code == ErrorCode::kQuotaExceeded ||
         code == ErrorCode::kTooManyUploads;
}

// Everything that can refuse the upload before its body is read; the
// request alone first, so that it costs no database connection.
void Admit(RequestContext& context, PieceUpload& upload) {
  try {
    upload.CheckAnnounced();
    PooledConnection connection = AcquireConnection(context.service());
    upload.Admit(*connection, context.service().policy);
  } catch (const ClientError& refusal) {
    if (LeavesBodyUnread(refusal.code())) {
      context.LeaveBodyUnread();
      context.response().setKeepAlive(false);
    }
    throw;
  }
}

}  // namespace

void HandleUploadFiles(RequestContext& context) {
  ServiceResources& service = context.service();
  PieceUpload upload(ParseUploadRequest(context), service.settings.upload, service.settings.quota,
                     service.store);
  Admit(context, upload);
  upload.Receive(context.Body());
  context.DrainBody(kEpilogueAllowance);
  UploadAck ack = upload.Commit(*AcquireConnection(service));
  service.counters.CountUpload(upload.files().size(), upload.received_bytes());
  context.SendJson(202, ack.response_json);
}

}  // namespace dossier
