#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ingest/upload/CandidatureQuota.h"
#include "ingest/upload/ReceivedFile.h"

namespace sql {
class Connection;
}

namespace dossier {

// What the service answers (202) for an upload, kept for Idempotency-Key
// replays: `response_json` is the body, byte for byte.
struct UploadAck {
  std::int64_t job_id = 0;
  std::int64_t piece_version_id = 0;
  int version = 0;
  std::string piece_code;  // a key replayed on another pièce's URL is a conflict
  std::string response_json;
  bool replayed = false;  // an earlier request with the same key
};

// In one transaction: the new pièce version, its `fichier` rows, the pièce
// set to `TR`, the job, and the Idempotency-Key record. Under the locks of
// the candidature and the pièce, applies eCandidat's rule again
// (workflow's CheckReplace: the same error as AdmitUpload's) and the bytes the
// candidature may keep (`quota.max_kept_bytes`: concurrent uploads cannot
// both pass). A key already recorded is answered first: its first
// acknowledgement when the pièce and the files are the same, else
// idempotency_conflict. Throws ClientError: invalid_idempotency_key (longer
// than 128 characters), not_found, candidature_closed, piece_validated,
// idempotency_conflict, quota_exceeded. The caller removes the files from
// the store when this throws, and when the ack is `replayed` (the first
// request's files are the ones kept): PieceUpload does.
// The version's line of history (kind `upload`, the files' names as its
// comment) is written in the same transaction, by `actor`.
UploadAck CommitUpload(sql::Connection& connection, const std::string& candidature_id,
                       const std::string& piece_code, const std::vector<ReceivedFile>& files,
                       const std::string& idempotency_key, const CandidatureQuota& quota,
                       const std::string& actor = "candidat");

// The stored answer for a key already used on this candidature, so a retry
// is answered before its body is read (the caller compares `piece_code`
// with the pièce of its URL). Takes no lock.
std::optional<UploadAck> FindIdempotentUpload(sql::Connection& connection,
                                              const std::string& candidature_id,
                                              const std::string& idempotency_key);

}  // namespace dossier
