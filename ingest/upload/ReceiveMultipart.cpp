#include "ingest/upload/ReceiveMultipart.h"

#include <Poco/Exception.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/String.h>

#include "core/errors/ClientError.h"
#include "core/messages/CandidateMessages.h"
#include "core/messages/UploadMessages.h"
#include "ingest/upload/ContentDisposition.h"
#include "ingest/upload/IncomingFile.h"
#include "ingest/upload/MeteredBody.h"
#include "ingest/upload/MultipartParts.h"
#include "ingest/upload/OriginalName.h"
#include "ingest/upload/PendingBlobs.h"
#include "store/blobs/BlobStore.h"

namespace dossier {
namespace {

constexpr std::size_t kChunkBytes = 64 * 1024;
constexpr std::size_t kMaxBoundaryLength = 70;  // RFC 2046
constexpr int kRetryAfterSeconds = 120;
const char kUnnamedFile[] = "fichier";

// What one request brings along as its parts are read.
struct Upload {
  const PieceRules& rules;
  const UploadLimits& limits;
  const BlobStore& store;
  const MeteredBody& body;
  PendingBlobs pending;
  std::vector<char> buffer;
  std::vector<ReceivedFile> files;
};

// A part of the body: a file (Content-Disposition name="file") or a field.
struct PartHeader {
  bool is_file = false;
  bool named = false;  // a filename was sent, even an unusable one
  std::string name;    // cleaned, never empty for a file
};

ClientError Malformed(const std::string& what) {
  return ClientError(ErrorCode::kMalformed, MalformedUploadMessage(), what);
}

// The same error as PieceUpload::CheckAnnounced's, which refuses the same
// body from its announced length.
ClientError RequestTooLarge(const UploadLimits& limits) {
  return ClientError(ErrorCode::kTooLarge, RequestTooLargeMessage(limits.max_request_bytes),
                     "body over " + std::to_string(limits.max_request_bytes) + " bytes");
}

ClientError StorageFull(const std::string& what) {
  return ClientError(ErrorCode::kStorageFull, StorageFullMessage(), what)
      .RetryAfter(kRetryAfterSeconds);
}

std::string BoundaryOf(const std::string& content_type) {
  std::string media;
  Poco::Net::NameValueCollection parameters;
  Poco::Net::MessageHeader::splitParameters(content_type, media, parameters);
  std::string boundary = parameters.get("boundary", "");
  if (Poco::icompare(media, "multipart/form-data") != 0 || boundary.empty() ||
      boundary.size() > kMaxBoundaryLength)
    throw Malformed("Content-Type without a usable multipart boundary");
  return boundary;
}

void CheckFreeSpace(const BlobStore& store, const UploadLimits& limits) {
  std::uint64_t available = store.FreeBytes();
  if (available < limits.min_free_bytes)
    throw StorageFull(std::to_string(available) + " bytes free in the data directory, " +
                      std::to_string(limits.min_free_bytes) + " kept free");
}

void CheckBodySize(const Upload& upload) {
  if (upload.body.over_limit()) throw RequestTooLarge(upload.limits);
}

PartHeader Describe(const Poco::Net::MessageHeader& header) {
  ContentDisposition disposition = ContentDisposition::Parse(header.get("Content-Disposition", ""));
  PartHeader part;
  part.is_file = disposition.name == "file";
  part.named = !disposition.filename.empty();
  part.name = CleanOriginalName(disposition.filename);
  if (part.name.empty()) part.name = kUnnamedFile;
  return part;
}

// Reads the next chunk of a part into the buffer; 0 at its end.
std::size_t ReadChunk(MultipartParts& part, Upload& upload) {
  std::size_t got = part.Read(upload.buffer.data(), upload.buffer.size());
  CheckBodySize(upload);
  return got;
}

void Store(IncomingFile& file, std::size_t size, const Upload& upload) {
  if (file.size() + size > upload.limits.max_file_bytes)
    throw ClientError(ErrorCode::kTooLarge,
                      FileTooLargeMessage(file.original_name(), upload.limits.max_file_bytes),
                      "a file over " + std::to_string(upload.limits.max_file_bytes) + " bytes");
  CheckFreeSpace(upload.store, upload.limits);
  file.Append(upload.buffer.data(), size);
}

// The door checks on a whole file: by its bytes, never its name.
FileKind Judge(const IncomingFile& file, const PieceRules& rules) {
  const std::string& name = file.original_name();
  if (file.size() == 0) throw ClientError(ErrorCode::kEmpty, EmptyFileMessage(name));
  SniffResult sniffed = file.Sniffed();
  if (!rules.Accepts(FileKindCode(sniffed.kind)))
    throw ClientError(ErrorCode::kFormat, WrongFormatMessage(name, sniffed.kind, rules.formats),
                      std::string("sniffed ") + FileKindCode(sniffed.kind));
  // As in the pipeline: a truncated PDF may still be rebuilt by the worker;
  // a truncated image has lost its bottom rows.
  if (sniffed.truncated && sniffed.kind != FileKind::Pdf)
    throw ClientError(ErrorCode::kTruncated, TruncatedFileMessage(name),
                      std::string("a ") + FileKindCode(sniffed.kind) + " without its end");
  return sniffed.kind;
}

void ReceiveFile(MultipartParts& part, const PartHeader& header, Upload& upload) {
  if (upload.files.size() >= static_cast<std::size_t>(upload.limits.max_files))
    throw ClientError(ErrorCode::kTooManyFiles, TooManyFilesMessage(upload.limits.max_files),
                      "more than " + std::to_string(upload.limits.max_files) + " file parts");
  IncomingFile file(upload.store, header.name);
  while (std::size_t got = ReadChunk(part, upload)) Store(file, got, upload);
  // A file input left empty: browsers send a part with no name and no bytes.
  if (file.size() == 0 && !header.named) return;
  FileKind kind = Judge(file, upload.rules);
  upload.pending.Add(file.storage_key());
  upload.files.push_back(file.Publish(kind));
}

void ReadParts(std::istream& body, const std::string& boundary, Upload& upload) {
  MultipartParts parts(body, boundary, kChunkBytes);
  Poco::Net::MessageHeader header;
  while (parts.Next(header)) {
    PartHeader part = Describe(header);
    // Other fields are skipped by the next Next(); the cap still holds.
    if (part.is_file) ReceiveFile(parts, part, upload);
  }
}

// A body that stops before its closing delimiter was cut on its way (a
// dropped connection) when fewer bytes came than announced, else it is
// simply not multipart.
void CheckComplete(const MeteredBody& body, std::optional<std::uint64_t> content_length) {
  if (body.saw_end_marker()) return;
  if (!content_length || body.bytes_read() < *content_length)
    throw ClientError(ErrorCode::kTruncated, InterruptedUploadMessage(),
                      "the body stopped after " + std::to_string(body.bytes_read()) + " bytes");
  throw Malformed("no closing multipart delimiter");
}

}  // namespace

std::vector<ReceivedFile> ReceiveMultipart(std::istream& body, const std::string& content_type,
                                           std::optional<std::uint64_t> content_length,
                                           const PieceRules& rules, const UploadLimits& limits,
                                           const BlobStore& store) {
  if (content_length && *content_length > limits.max_request_bytes) throw RequestTooLarge(limits);
  std::string boundary = BoundaryOf(content_type);
  CheckFreeSpace(store, limits);
  MeteredBody metered(body, limits.max_request_bytes, "\n--" + boundary + "--");
  std::istream source(&metered);
  Upload upload{rules, limits, store, metered, PendingBlobs(store), std::vector<char>(kChunkBytes),
                {}};
  try {
    ReadParts(source, boundary, upload);
  } catch (const ClientError& error) {
    if (error.code() != ErrorCode::kMalformed) throw;
    // From MultipartParts: cut short (fewer bytes than announced) or over
    // the cap, else broken.
    CheckBodySize(upload);
    CheckComplete(metered, content_length);
    throw;
  } catch (const Poco::Exception& error) {
    CheckBodySize(upload);
    throw Malformed(error.displayText());
  } catch (const BlobError& error) {
    // Writing failed (a full disk between two checks, an I/O error): the
    // candidate may try again; nothing of the request is kept.
    throw StorageFull(error.what());
  }
  CheckBodySize(upload);
  CheckComplete(metered, content_length);
  if (upload.files.empty()) throw ClientError(ErrorCode::kNoFile, NoFileMessage());
  upload.pending.Release();
  return std::move(upload.files);
}

}  // namespace dossier
