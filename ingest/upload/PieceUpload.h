#pragma once

#include <cstdint>
#include <istream>
#include <optional>
#include <vector>

#include "ingest/upload/AdmitUpload.h"
#include "ingest/upload/CandidatureQuota.h"
#include "ingest/upload/CommitUpload.h"
#include "ingest/upload/PendingBlobs.h"
#include "ingest/upload/ReceivedFile.h"
#include "ingest/upload/UploadLimits.h"
#include "ingest/upload/UploadRequest.h"
#include "workflow/policy/PiecePolicy.h"

namespace sql {
class Connection;
}

namespace dossier {

class BlobStore;

// One upload of files to a pièce, from its request to its acknowledgement,
// in the order a server runs it:
//   CheckAnnounced()  what the request says, before the database;
//   Admit()           what the database says, before the body (AdmitUpload);
//   Receive()         the body, streamed into the blob store with the door
//                     checks (ReceiveMultipart);
//   Commit()          one transaction under the candidature's and the pièce's
//                     locks (CommitUpload), then the replaced versions'
//                     files are pruned.
// Every refusal is a ClientError whose code and French sentence do not
// depend on which step finds it. Files received and not committed (a later
// refusal, a replayed request, a throw between two steps) are removed from
// the store when this goes out of scope.
class PieceUpload {
 public:
  PieceUpload(UploadRequest request, const UploadLimits& limits, const CandidatureQuota& quota,
              const BlobStore& store);
  PieceUpload(const PieceUpload&) = delete;
  PieceUpload& operator=(const PieceUpload&) = delete;

  // From the request alone: a body announced over the cap (too_large), a
  // body that is not multipart/form-data (not_multipart).
  void CheckAnnounced();
  // AdmitUpload; only after CheckAnnounced, so that a request refused on
  // what it announces costs no database connection. Takes one upload from
  // the candidature's allowance when it admits.
  void Admit(sql::Connection& connection, const PiecePolicy& policy);
  // Reads the body to its closing delimiter; only after Admit.
  void Receive(std::istream& body);
  // Only after Receive. A replayed request keeps the first one's files.
  UploadAck Commit(sql::Connection& connection);

  const UploadRequest& request() const { return request_; }
  const std::vector<ReceivedFile>& files() const { return files_; }
  std::uint64_t received_bytes() const;

 private:
  void PruneReplacedFiles(sql::Connection& connection);

  UploadRequest request_;
  const UploadLimits& limits_;
  const CandidatureQuota& quota_;
  const BlobStore& store_;
  bool announced_checked_ = false;  // set by CheckAnnounced
  std::optional<PieceType> type_;   // set by Admit
  std::vector<ReceivedFile> files_;
  bool received_ = false;
  PendingBlobs pending_;  // files_, until their rows are committed
};

}  // namespace dossier
