#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/String.h>
#include <cppconn/resultset.h>

#include "ingest/policy/PieceTypesTable.h"
#include "ingest/upload/CommitUpload.h"
#include "ingest/upload/PendingBlobs.h"
#include "ingest/upload/ReceiveMultipart.h"
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

// Step 3: a body announced over the cap is refused before a byte of it is
// read, and the connection closed (its body will not be read).
void RefuseOversized(RequestContext& context) {
  std::uint64_t cap = context.service().settings.upload.max_request_bytes;
  std::optional<std::uint64_t> length = context.ContentLength();
  if (length && *length > cap) {
    context.LeaveBodyUnread();
    context.response().setKeepAlive(false);
    throw HttpError(413, "too_large", messages::UploadTooLarge(cap));
  }
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

UploadAck Commit(ServiceResources& service, const std::string& id, const std::string& code,
                 const std::vector<ReceivedFile>& files, const std::string& key) {
  PendingBlobs blobs(service.store, files);
  PooledConnection connection = AcquireConnection(service);
  UploadAck ack = CommitUpload(*connection, id, code, files, key);
  // A replay answers with the first upload's files: these are not needed.
  if (!ack.replayed) blobs.Release();
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
  PieceType type = [&] {
    PooledConnection connection = AcquireConnection(service);
    return AcceptingPieceType(*connection, service, id, code, !key.empty());
  }();
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
