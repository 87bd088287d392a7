#include "ingest/upload/ReceiveMultipart.h"

#include <Poco/Exception.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/String.h>

#include "ingest/upload/ContentDisposition.h"
#include "ingest/upload/IncomingFile.h"
#include "ingest/upload/MeteredBody.h"
#include "ingest/upload/MultipartParts.h"
#include "ingest/upload/OriginalName.h"
#include "ingest/upload/PendingBlobs.h"
#include "ingest/upload/UploadError.h"
#include "ingest/upload/UploadMessages.h"
#include "processors/pipeline/CandidateMessages.h"
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

UploadError Malformed() {
  return UploadError(400, "malformed", MalformedUploadMessage());
}

UploadError RequestTooLarge(const UploadLimits& limits) {
  return UploadError(413, "too_large", RequestTooLargeMessage(limits.max_request_bytes));
}

std::string BoundaryOf(const std::string& content_type) {
  std::string media;
  Poco::Net::NameValueCollection parameters;
  Poco::Net::MessageHeader::splitParameters(content_type, media, parameters);
  std::string boundary = parameters.get("boundary", "");
  if (Poco::icompare(media, "multipart/form-data") != 0 || boundary.empty() ||
      boundary.size() > kMaxBoundaryLength)
    throw Malformed();
  return boundary;
}

void CheckFreeSpace(const BlobStore& store, const UploadLimits& limits) {
  if (store.FreeBytes() < limits.min_free_bytes)
    throw UploadError(503, "storage_full", StorageFullMessage(), kRetryAfterSeconds);
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
    throw UploadError(413, "too_large",
                      FileTooLargeMessage(file.original_name(), upload.limits.max_file_bytes));
  CheckFreeSpace(upload.store, upload.limits);
  file.Append(upload.buffer.data(), size);
}

// The door checks on a whole file: by its bytes, never its name.
FileKind Judge(const IncomingFile& file, const PieceRules& rules) {
  const std::string& name = file.original_name();
  if (file.size() == 0) throw UploadError(400, "empty", EmptyFileMessage(name));
  SniffResult sniffed = file.Sniffed();
  if (!rules.Accepts(FileKindCode(sniffed.kind)))
    throw UploadError(415, "format", WrongFormatMessage(name, sniffed.kind, rules.formats));
  // As in the pipeline: a truncated PDF may still be rebuilt by the worker;
  // a truncated image has lost its bottom rows.
  if (sniffed.truncated && sniffed.kind != FileKind::Pdf)
    throw UploadError(400, "truncated", TruncatedFileMessage(name));
  return sniffed.kind;
}

void ReceiveFile(MultipartParts& part, const PartHeader& header, Upload& upload) {
  if (upload.files.size() >= static_cast<std::size_t>(upload.limits.max_files))
    throw UploadError(413, "too_many_files", TooManyFilesMessage(upload.limits.max_files));
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
    throw UploadError(400, "truncated", InterruptedUploadMessage());
  throw Malformed();
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
  } catch (const MultipartError&) {
    // Cut short (fewer bytes than announced) or over the cap, else broken.
    CheckBodySize(upload);
    CheckComplete(metered, content_length);
    throw Malformed();
  } catch (const Poco::Exception&) {
    CheckBodySize(upload);
    throw Malformed();
  } catch (const BlobError&) {
    // Writing failed (a full disk between two checks, an I/O error): the
    // candidate may try again; nothing of the request is kept.
    throw UploadError(503, "storage_full", StorageFullMessage(), kRetryAfterSeconds);
  }
  CheckBodySize(upload);
  CheckComplete(metered, content_length);
  if (upload.files.empty()) throw UploadError(400, "no_file", NoFileMessage());
  upload.pending.Release();
  return std::move(upload.files);
}

}  // namespace dossier
