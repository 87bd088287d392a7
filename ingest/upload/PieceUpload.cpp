#include "ingest/upload/PieceUpload.h"

#include <Poco/String.h>

#include <stdexcept>

#include "core/errors/ClientError.h"
#include "core/messages/ApiMessages.h"
#include "core/messages/UploadMessages.h"
#include "ingest/upload/PruneReplacedVersions.h"
#include "ingest/upload/ReceiveMultipart.h"

namespace dossier {
namespace {

bool IsMultipartFormData(const std::string& content_type) {
  static const std::string kMedia = "multipart/form-data";
  return Poco::icompare(content_type, 0, kMedia.size(), kMedia) == 0;
}

}  // namespace

PieceUpload::PieceUpload(UploadRequest request, const UploadLimits& limits,
                         const CandidatureQuota& quota, const BlobStore& store)
    : request_(std::move(request)),
      limits_(limits),
      quota_(quota),
      store_(store),
      pending_(store) {}

void PieceUpload::CheckAnnounced() {
  // ReceiveMultipart refuses the same body with the same error: this only
  // spares the database a request that cannot succeed.
  if (request_.content_length && *request_.content_length > limits_.max_request_bytes)
    throw ClientError(ErrorCode::kTooLarge, RequestTooLargeMessage(limits_.max_request_bytes),
                      ContextOf(request_) + ": " + std::to_string(*request_.content_length) +
                          " bytes announced, limit " + std::to_string(limits_.max_request_bytes));
  if (!IsMultipartFormData(request_.content_type))
    throw ClientError(ErrorCode::kNotMultipart, messages::NotMultipart(),
                      ContextOf(request_) + ": not multipart/form-data");
  announced_checked_ = true;
}

void PieceUpload::Admit(sql::Connection& connection, const PiecePolicy& policy) {
  if (!announced_checked_) throw std::logic_error("PieceUpload: Admit before CheckAnnounced");
  type_ = AdmitUpload(connection, request_, policy, quota_);
}

void PieceUpload::Receive(std::istream& body) {
  if (!type_) throw std::logic_error("PieceUpload: Receive before Admit");
  files_ = ReceiveMultipart(body, request_.content_type, request_.content_length, type_->rules,
                            limits_, store_);
  for (const ReceivedFile& file : files_) pending_.Add(file.storage_key);
  received_ = true;
}

UploadAck PieceUpload::Commit(sql::Connection& connection) {
  if (!received_) throw std::logic_error("PieceUpload: Commit before Receive");
  UploadAck ack = CommitUpload(connection, request_.candidature_id, request_.piece_code, files_,
                               request_.idempotency_key, quota_, request_.actor);
  if (ack.replayed) {
    pending_.RemoveAll();  // the first request's files answer for this one
    return ack;
  }
  pending_.Release();
  PruneReplacedFiles(connection);
  return ack;
}

std::uint64_t PieceUpload::received_bytes() const {
  std::uint64_t bytes = 0;
  for (const ReceivedFile& file : files_) bytes += file.size;
  return bytes;
}

// A failure here does not fail the upload, which is committed: it costs disk
// until the candidature's next upload, which tries again.
void PieceUpload::PruneReplacedFiles(sql::Connection& connection) {
  try {
    PruneReplacedVersions(connection, store_, request_.candidature_id, quota_.kept_versions);
  } catch (const std::exception&) {
    // Left for the candidature's next upload.
  }
}

}  // namespace dossier
