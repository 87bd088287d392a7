#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/String.h>
#include <cppconn/resultset.h>

#include "ingest/policy/PieceTypesTable.h"
#include "ingest/upload/CommitUpload.h"
#include "ingest/upload/KeptBytes.h"
#include "ingest/upload/PendingBlobs.h"
#include "ingest/upload/PruneReplacedVersions.h"
#include "ingest/upload/ReceiveMultipart.h"
#include "ingest/upload/UploadAllowance.h"
#include "ingest/upload/UploadMessages.h"
#include "server/http/ApiMessages.h"
#include "server/http/HttpError.h"
#include "server/http/RequestContext.h"
#include "server/http/ServiceResources.h"
#include "server/routes/BoundStatement.h"
#include "server/routes/PathParams.h"
#include "server/routes/RouteHandlers.h"
#include "store/blobs/BlobStore.h"
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
    throw HttpError(400, "invalid_idempotency_key", messages::InvalidIdempotencyKey());
  return key;
}

// Refuses from the headers alone: the body is not read and the connection
// is closed after the answer (its body would be taken for the next request).
[[noreturn]] void RefuseUnread(RequestContext& context, const HttpError& error) {
  context.LeaveBodyUnread();
  context.response().setKeepAlive(false);
  throw error;
}

// Step 3: a body announced over the cap is refused before a byte of it is
// read.
void RefuseOversized(RequestContext& context) {
  std::uint64_t cap = context.service().settings.upload.max_request_bytes;
  std::optional<std::uint64_t> length = context.ContentLength();
  if (length && *length > cap)
    RefuseUnread(context, HttpError(413, "too_large", messages::UploadTooLarge(cap)));
}

void RefuseNonMultipart(RequestContext& context) {
  std::string type = Poco::toLower(context.request().getContentType());
  if (type.rfind("multipart/form-data", 0) != 0)
    throw HttpError(400, "not_multipart", messages::NotMultipart());
}

// Step 4, and what would make the upload fail after its body was read: the
// candidature, the pièce and their statuses (CommitUpload checks again). A
// request with an Idempotency-Key may be the retry of an acknowledged upload
// whose pièce has moved on since: its statuses are left to CommitUpload, which
// answers a retry with the first acknowledgement before applying them.
PieceType AcceptingPieceType(sql::Connection& connection, ServiceResources& service,
                             const std::string& id, const std::string& code, bool may_be_retry) {
  std::optional<PieceType> type = LoadPieceType(connection, code, service.policy);
  if (!type) throw HttpError(404, "not_found", messages::PieceNotRequired());
  auto row = BoundStatement(connection,
                            "SELECT c.status, p.status FROM candidature c "
                            "LEFT JOIN pj_cand p ON p.candidature_id = c.id AND p.piece_code = ? "
                            "WHERE c.id = ?")
                 .Bind(code)
                 .Bind(id)
                 .Query();
  if (!row->next()) throw HttpError(404, "not_found", messages::CandidatureNotFound());
  if (row->isNull(2)) throw HttpError(404, "not_found", messages::PieceNotRequired());
  if (may_be_retry) return *type;
  std::string candidature_status = row->getString(1);
  if (candidature_status == "RE" || candidature_status == "CO")
    throw HttpError(409, "candidature_closed", messages::CandidatureClosed(candidature_status));
  if (std::string(row->getString(2)) == "VA")
    throw HttpError(409, "piece_validated", messages::PieceValidated(type->rules.label));
  return *type;
}

// A retry of an acknowledged upload stores nothing (CommitUpload answers it
// from the first acknowledgement, or 409): the candidature's bounds do not
// apply to it.
bool IsAcknowledgedRetry(sql::Connection& connection, const std::string& id,
                         const std::string& key) {
  return !key.empty() && FindIdempotentUpload(connection, id, key).has_value();
}

// What the candidature keeps, with what this request announces, stays within
// its bound; CommitUpload checks the files actually received again.
void RefuseOverQuota(RequestContext& context, sql::Connection& connection, const std::string& id,
                     const std::string& code) {
  const CandidatureQuota& quota = context.service().settings.quota;
  std::optional<std::uint64_t> length = context.ContentLength();
  if (!length) return;
  if (KeptBytes(connection, id, code, quota.kept_versions) + *length > quota.max_kept_bytes)
    RefuseUnread(context,
                 HttpError(413, "quota_exceeded", QuotaExceededMessage(quota.max_kept_bytes)));
}

// Last of the door checks, so that a request refused for another reason
// costs the candidate nothing of the allowance.
void RefuseTooFrequent(RequestContext& context, sql::Connection& connection,
                       const std::string& id) {
  int wait = TakeUploadAllowance(connection, id, context.service().settings.quota);
  if (wait > 0)
    RefuseUnread(context, HttpError(429, "too_many_uploads", messages::TooManyUploads(wait), wait));
}

// Step 4: every check that needs the database, before the body is read.
PieceType CheckBeforeBody(RequestContext& context, const std::string& id, const std::string& code,
                          const std::string& key) {
  ServiceResources& service = context.service();
  PooledConnection connection = AcquireConnection(service);
  PieceType type = AcceptingPieceType(*connection, service, id, code, !key.empty());
  if (IsAcknowledgedRetry(*connection, id, key)) return type;
  RefuseOverQuota(context, *connection, id, code);
  RefuseTooFrequent(context, *connection, id);
  return type;
}

// Files of versions replaced long ago are removed once this upload is
// committed. A failure here does not fail the upload: it costs disk until
// the candidature's next upload, which tries again.
void PruneAfterCommit(ServiceResources& service, sql::Connection& connection,
                      const std::string& id) {
  try {
    PruneReplacedVersions(connection, service.store, id, service.settings.quota.kept_versions);
  } catch (const std::exception&) {
    // Left for the candidature's next upload.
  }
}

UploadAck Commit(ServiceResources& service, const std::string& id, const std::string& code,
                 const std::vector<ReceivedFile>& files, const std::string& key) {
  PendingBlobs blobs(service.store, files);
  PooledConnection connection = AcquireConnection(service);
  UploadAck ack = CommitUpload(*connection, id, code, files, key, service.settings.quota);
  // A replay answers with the first upload's files: these are not needed.
  if (ack.replayed) return ack;
  blobs.Release();
  PruneAfterCommit(service, *connection, id);
  return ack;
}

}  // namespace

void HandleUploadFiles(RequestContext& context) {
  std::string id = CandidatureIdParam(context);
  std::string code = PieceCodeParam(context);
  ServiceResources& service = context.service();
  // A retry with its Idempotency-Key is read like any upload: CommitUpload
  // answers the first acknowledgement when the files are the same, and 409
  // when a client reused the key for other files (never a silent drop).
  std::string key = IdempotencyKey(context);
  RefuseOversized(context);
  RefuseNonMultipart(context);
  PieceType type = CheckBeforeBody(context, id, code, key);
  std::vector<ReceivedFile> files =
      ReceiveMultipart(context.Body(), context.request().getContentType(), context.ContentLength(),
                       type.rules, service.settings.upload, service.store);
  context.DrainBody(kEpilogueAllowance);
  UploadAck ack = Commit(service, id, code, files, key);
  std::uint64_t bytes = 0;
  for (const ReceivedFile& file : files) bytes += file.size;
  service.counters.CountUpload(files.size(), bytes);
  context.SendJson(202, ack.response_json);
}

}  // namespace dossier
