#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "core/input/InputFile.h"
#include "core/report/PieceRules.h"
#include "store/blobs/BlobStore.h"
#include "workers/queue/ClaimedJob.h"
#include "workflow/policy/PiecePolicy.h"

namespace sql {
class Connection;
}

namespace dossier {

// The job's data is missing (a blob gone, a pièce type unknown): retrying
// cannot help, the job will end poison.
class JobInputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Everything a job child needs, read before the fork: the child neither
// talks to the database nor opens the store.
struct JobInputs {
  std::vector<InputFile> files;  // in upload order (fichier.position)
  PieceRules rules;              // the pièce type's, with the candidature's declared INE
};

// Reads the version's fichier rows and their bytes, and the rules of its
// pièce type (piece_justif, completed by `policy`). Throws JobInputError,
// and sql::SQLException when the database is away.
JobInputs LoadJobInputs(sql::Connection& connection, const BlobStore& store, const ClaimedJob& job,
                        const PiecePolicy& policy);

}  // namespace dossier
