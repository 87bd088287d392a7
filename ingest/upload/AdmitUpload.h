#pragma once

#include "ingest/upload/CandidatureQuota.h"
#include "ingest/upload/UploadRequest.h"
#include "workflow/policy/PiecePolicy.h"

namespace sql {
class Connection;
}

namespace dossier {

// The checks that need the database, made before the body is read so that a
// refused request costs neither its bytes nor the candidate's time, in this
// order (each throws ClientError, with the candidature and the pièce as
// context):
//   - the pièce type, the candidature and its pièce exist: not_found;
//   - an acknowledged Idempotency-Key: idempotency_conflict when it was for
//     another pièce, else the request is admitted as the retry it is: it
//     stores nothing (CommitUpload answers it with the first
//     acknowledgement), so neither the statuses nor the candidature's bounds
//     apply to it, the browser's retry after a lost 202 included;
//   - eCandidat's rule (workflow's CheckReplace): candidature_closed,
//     piece_validated, the very error CommitUpload gives under its locks;
//   - the bytes the candidature would keep with the announced body:
//     quota_exceeded (CommitUpload counts the files received again);
//   - last, the upload rate: too_many_uploads with the seconds to wait, so
//     that a request refused for another reason costs nothing of the
//     allowance.
// Returns the pièce's type, whose rules its files are received under. The
// checks on the request alone come first: PieceUpload::CheckAnnounced.
PieceType AdmitUpload(sql::Connection& connection, const UploadRequest& request,
                      const PiecePolicy& policy, const CandidatureQuota& quota);

}  // namespace dossier
