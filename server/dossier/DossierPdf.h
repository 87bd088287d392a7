#pragma once

#include <string>

namespace dossier {

class BlobStore;
class ConnectionPool;
class ProgramSlots;

// The dossier of one candidature as one PDF: a cover page listing the pièces,
// their statuses and pre-check results, then every processed pièce in order.
// Built in a separate limited process (`dossier assemble`), since the pièces
// come from candidates, and cached under DATA/dossiers/ until a pièce or a
// status changes. At most as many are assembled at once as `slots` allows.
class DossierPdf {
 public:
  DossierPdf(ConnectionPool& pool, const BlobStore& store, std::string assemble_binary,
             ProgramSlots& slots);
  // The path of an up-to-date dossier PDF. Throws ClientError `not_found`
  // when the candidature does not exist or has nothing to show yet, `busy`
  // when no slot came free in time, and std::runtime_error when assembling
  // fails.
  std::string PathFor(const std::string& candidature_id);

 private:
  ConnectionPool& pool_;
  const BlobStore& store_;
  std::string assemble_binary_;
  ProgramSlots& slots_;
};

}  // namespace dossier
