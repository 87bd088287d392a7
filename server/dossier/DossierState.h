#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sql {
class Connection;
}

namespace dossier {

// One pièce of a candidature with its current version's pre-check, as the
// dossier PDF shows it.
struct DossierPieceState {
  std::string code;
  std::string label;
  int position = 0;
  std::string status;  // AT, TR, VA, RE, NC
  std::string comment;
  int current_version = 0;
  std::string outcome;  // "" while the current version is not processed
  std::string reason;
  std::string message;
  std::string ine_verdict;
  std::string output_key;  // the processed PDF; "" when none
  std::int64_t output_bytes = 0;
  int pages = 0;  // from the report; 0 when unknown
};

// What the dossier PDF depends on: any change here is a new PDF.
struct DossierState {
  std::string candidature_id;
  std::string formation;
  std::string declared_ine;
  std::string status;                     // AT, RE, IN, CO
  std::vector<DossierPieceState> pieces;  // in position order
};

// Reads the candidature and its pièces in one statement (one consistent
// view); nullopt when the candidature does not exist.
std::optional<DossierState> ReadDossierState(sql::Connection& connection,
                                             const std::string& candidature_id);

// The SHA-256 (hex) of everything in `state`, field by field with lengths, so
// that no two different states share it.
std::string DossierFingerprint(const DossierState& state);

}  // namespace dossier
