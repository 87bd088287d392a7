// The reference dossier's pièces, read once from disk and kept in memory as
// ready-to-send multipart bodies: every simulated candidate sends the same bytes.
#pragma once

#include <string>
#include <vector>

namespace dossier::sim {

struct PieceUpload {
  std::string code;                // pièce type code, e.g. "releve_bac"
  std::string content_type;        // multipart/form-data; boundary=…
  std::string body;                // the multipart body, files in upload order
  std::vector<std::string> paths;  // the files on disk (the peer reads them)
};

// The pièce codes of the reference dossier, in upload order.
const std::vector<std::string>& ReferenceCodes();

// Writes the reference dossier (tests/fixtures) into a new temporary
// directory and returns it. Takes a few seconds.
std::string GenerateReferenceFixtures();

// Reads DIR/<code>/* (sorted by name, i.e. upload order) for every code.
// Throws std::runtime_error when a pièce has no file.
std::vector<PieceUpload> LoadReferencePieces(const std::string& dir);

}  // namespace dossier::sim
